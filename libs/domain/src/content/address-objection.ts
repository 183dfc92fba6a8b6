import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { ContentPublished } from './content.events.js';
import type { ContentState } from './content.state.js';

export type AddressObjection = { type: 'AddressObjection'; roster: RosterLookup } & ContentPublished['data'];

export const addressObjection = (command: AddressObjection, state: ContentState): ContentPublished[] => {
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
