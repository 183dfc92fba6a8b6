import { CommandRejected } from '../shared/command-rejected.js';
import type { Decider } from '../shared/decider.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { ContentEvent, ContentPublished, ContentWithdrawn } from './content.events.js';

export type AddressObjection = { type: 'AddressObjection'; roster: RosterLookup } & ContentPublished['data'];
export type WithdrawContent = { type: 'WithdrawContent'; roster: RosterLookup } & ContentWithdrawn['data'];
export type ContentCommand = AddressObjection | WithdrawContent;

export interface ContentState {
  status: 'none' | 'live' | 'withdrawn';
}

export const contentStreamId = (contentId: string) => `content-${contentId}`;

const addressObjection = (command: AddressObjection, state: ContentState): ContentPublished[] => {
  requireMember(command.roster, command.publishedBy, 'marketing', 'publishedBy');
  if (state.status !== 'none') {
    throw new CommandRejected(
      'conflict',
      'content-already-published',
      `content ${command.contentId} was already published`,
    );
  }
  const { type: _type, roster: _roster, ...data } = command;
  return [{ type: 'ContentPublished', data }];
};

const withdrawContent = (command: WithdrawContent, state: ContentState): ContentWithdrawn[] => {
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

export const contentDecider: Decider<ContentCommand, ContentEvent, ContentState> = {
  initialState: { status: 'none' },
  evolve: (_state, event) => ({ status: event.type === 'ContentPublished' ? 'live' : 'withdrawn' }),
  decide: (command, state) =>
    command.type === 'AddressObjection' ? addressObjection(command, state) : withdrawContent(command, state),
};
