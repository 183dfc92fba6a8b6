import type { Decider } from '../shared/decider.js';
import { type AddRetroNote, addRetroNote } from './add-retro-note.js';
import { type CloseRetro, closeRetro } from './close-retro.js';
import {
  type CompleteRetroActionItem,
  completeRetroActionItem,
  completionOf,
} from './complete-retro-action-item.js';
import { type OpenRetro, openRetro } from './open-retro.js';
import type { RetroEvent } from './retro.events.js';
import { type RetroState, evolveRetro, initialRetroState } from './retro.state.js';

export type RetroCommand = OpenRetro | AddRetroNote | CloseRetro | CompleteRetroActionItem;

export const retroStreamId = (retroId: string) => `retro-${retroId}`;

export const retroDecider: Decider<RetroCommand, RetroEvent, RetroState> = {
  initialState: initialRetroState,
  evolve: evolveRetro,
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenRetro':
        return openRetro(command, state);
      case 'AddRetroNote':
        return addRetroNote(command, state);
      case 'CloseRetro':
        return closeRetro(command, state);
      case 'CompleteRetroActionItem':
        return completeRetroActionItem(command, state);
    }
  },
  precedent: (command, history) =>
    command.type === 'CompleteRetroActionItem' ? completionOf(command, history) : -1,
};
