import { capability } from '../shared/capability.js';
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

type RetroCommand = OpenRetro | AddRetroNote | CloseRetro | CompleteRetroActionItem;

export const retroCapability = capability<RetroCommand, RetroEvent, RetroState>({
  initialState: initialRetroState,
  evolve: evolveRetro,
  streamIdOf: (command) => `retro-${command.retroId}`,
  inputs: { roster: true },
  commands: {
    OpenRetro: { decide: openRetro, actor: 'facilitator' },
    // An anonymous note (author null) has no actor: nothing identifying its author reaches the log.
    AddRetroNote: { decide: addRetroNote, actor: 'author' },
    CloseRetro: { decide: closeRetro, actor: 'closedBy' },
    CompleteRetroActionItem: {
      decide: completeRetroActionItem,
      actor: 'completedBy',
      precedent: completionOf,
    },
  },
});
