import { capability } from '../shared/capability.js';
import { type CompleteActionItem, completeActionItem } from './complete-action-item.js';
import { type HoldHuddle, holdHuddle } from './hold-huddle.js';
import type { HuddleEvent } from './huddle.events.js';
import { type HuddleState, evolveHuddle, initialHuddleState } from './huddle.state.js';

type HuddleCommand = HoldHuddle | CompleteActionItem;

export const huddleCapability = capability<HuddleCommand, HuddleEvent, HuddleState>({
  initialState: initialHuddleState,
  evolve: evolveHuddle,
  streamIdOf: (command) => `huddle-${command.huddleId}`,
  inputs: { roster: true },
  commands: {
    // Held jointly: the attendees are recorded, nobody acts alone.
    HoldHuddle: { decide: holdHuddle, actor: null },
    CompleteActionItem: {
      decide: completeActionItem,
      actor: 'completedBy',
      // Completing twice answers with the first completion.
      precedent: (command, history) =>
        history.findIndex(
          (e) => e.type === 'ActionItemCompleted' && e.data.actionItemId === command.actionItemId,
        ),
    },
  },
});
