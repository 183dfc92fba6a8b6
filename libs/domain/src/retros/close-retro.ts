import { screenForBlame } from '../blame/blame-screen.js';
import { CommandRejected } from '../shared/command-rejected.js';
import { isCalendarDate } from '../shared/period.js';
import { type RosterLookup, requireOnRoster } from '../shared/roster-lookup.js';
import { requireOpen } from './retro-rules.js';
import type { RetroClosed } from './retro.events.js';
import type { RetroState } from './retro.state.js';

export type CloseRetro = { type: 'CloseRetro'; roster: RosterLookup } & Omit<
  RetroClosed['data'],
  'blameFlag'
>;

export const closeRetro = (command: CloseRetro, state: RetroState): RetroClosed[] => {
  requireOnRoster(command.roster, command.closedBy, 'closedBy');
  requireOpen(state, command.retroId);
  const ids = command.actionItems.map((item) => item.actionItemId);
  command.actionItems.forEach((item, i) => {
    requireOnRoster(command.roster, item.owner, `actionItems[${i}].owner`);
    if (!isCalendarDate(item.dueDate)) {
      const field = `actionItems[${i}].dueDate`;
      throw new CommandRejected(
        'rule',
        'invalid-due-date',
        `${field} must be a calendar date YYYY-MM-DD`,
        field,
      );
    }
  });
  if (new Set(ids).size !== ids.length) {
    throw new CommandRejected(
      'rule',
      'duplicate-action-item',
      'action item ids must be unique within the retro',
      'actionItems',
    );
  }
  const blameFlag = command.actionItems.some((item) => screenForBlame(item.description).blaming);
  const { type: _type, roster: _roster, ...close } = command;
  return [{ type: 'RetroClosed', data: { ...close, blameFlag } }];
};
