import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireOnRoster } from '../shared/roster-lookup.js';
import type { RetroActionItemCompleted, RetroEvent } from './retro.events.js';
import type { RetroState } from './retro.state.js';

export type CompleteRetroActionItem = {
  type: 'CompleteRetroActionItem';
  roster: RosterLookup;
} & RetroActionItemCompleted['data'];

/** Completing twice appends nothing; the first completion is the answer. */
export const completeRetroActionItem = (
  command: CompleteRetroActionItem,
  state: RetroState,
): RetroActionItemCompleted[] => {
  // A repeat answers with the first completion even if the person has left the roster since.
  if (state.completedItemIds.includes(command.actionItemId)) return [];
  requireOnRoster(command.roster, command.completedBy, 'completedBy');
  if (!state.actionItemIds.includes(command.actionItemId)) {
    throw new CommandRejected(
      'conflict',
      'action-item-not-found',
      `retro ${command.retroId} has no action item ${command.actionItemId}`,
    );
  }
  const { type: _type, roster: _roster, ...data } = command;
  return [{ type: 'RetroActionItemCompleted', data }];
};

export const completionOf = (command: CompleteRetroActionItem, history: readonly RetroEvent[]): number =>
  history.findIndex(
    (e) => e.type === 'RetroActionItemCompleted' && e.data.actionItemId === command.actionItemId,
  );
