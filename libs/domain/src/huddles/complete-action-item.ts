import { requireOnRoster } from '../shared/roster-lookup.js';
import { CommandRejected } from '../shared/command-rejected.js';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { ActionItemCompleted } from './huddle.events.js';
import type { HuddleState } from './huddle.state.js';

export type CompleteActionItem = { type: 'CompleteActionItem' } & ActionItemCompleted['data'] & {
    roster: RosterLookup;
  };

export const completeActionItem = (
  command: CompleteActionItem,
  state: HuddleState,
): ActionItemCompleted[] => {
  const { huddleId, actionItemId, completedBy, roster } = command;
  const item = state.actionItems.find((candidate) => candidate.actionItemId === actionItemId);
  if (item === undefined) {
    throw new CommandRejected(
      'conflict',
      'action-item-not-found',
      `huddle ${huddleId} has no action item ${actionItemId}`,
      'actionItemId',
    );
  }
  // Done is done: completing it again (a retry, or a second person) records nothing.
  if (item.completed) return [];
  requireOnRoster(roster, completedBy, 'completedBy');
  return [{ type: 'ActionItemCompleted', data: { huddleId, actionItemId, completedBy } }];
};
