import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { ContentWithdrawn } from './content.events.js';
import type { ContentState } from './content.state.js';

export type WithdrawContent = { type: 'WithdrawContent'; roster: RosterLookup } & ContentWithdrawn['data'];

export const withdrawContent = (command: WithdrawContent, state: ContentState): ContentWithdrawn[] => {
  requireMember(command.roster, command.withdrawnBy, 'marketing', 'withdrawnBy');
  if (state.status === 'none') {
    throw new CommandRejected(
      'conflict',
      'content-not-published',
      `content ${command.contentId} was never published`,
    );
  }
  if (state.status === 'withdrawn') {
    throw new CommandRejected(
      'conflict',
      'content-already-withdrawn',
      `content ${command.contentId} was already withdrawn`,
    );
  }
  return [
    { type: 'ContentWithdrawn', data: { contentId: command.contentId, withdrawnBy: command.withdrawnBy } },
  ];
};
