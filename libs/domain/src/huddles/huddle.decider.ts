import type { Decider } from '../shared/decider.js';
import { type CompleteActionItem, completeActionItem } from './complete-action-item.js';
import { type HoldHuddle, holdHuddle } from './hold-huddle.js';
import type { HuddleEvent } from './huddle.events.js';
import { type HuddleState, evolveHuddle, initialHuddleState } from './huddle.state.js';

export type HuddleCommand = HoldHuddle | CompleteActionItem;

export const huddleStreamId = (huddleId: string) => `huddle-${huddleId}`;

export const huddleDecider: Decider<HuddleCommand, HuddleEvent, HuddleState> = {
  initialState: initialHuddleState,
  evolve: evolveHuddle,
  decide: (command, state) => {
    switch (command.type) {
      case 'HoldHuddle':
        return holdHuddle(command, state);
      case 'CompleteActionItem':
        return completeActionItem(command, state);
    }
  },
  // Completing twice answers with the first completion.
  precedent: (command, history) =>
    command.type === 'CompleteActionItem'
      ? history.findIndex(
          (e) => e.type === 'ActionItemCompleted' && e.data.actionItemId === command.actionItemId,
        )
      : -1,
};
