import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireHandedOff } from './lead.guards.js';
import type { LeadFollowedUp } from './lead.events.js';
import type { LeadState } from './lead.state.js';

/** Sales reached out to a handed-off lead. Repeats are recorded too. */
export type FollowUpLead = { type: 'FollowUpLead' } & LeadFollowedUp['data'] & { roster: RosterLookup };

export const followUpLead = (command: FollowUpLead, state: LeadState): LeadFollowedUp[] => {
  const { leadId, followedUpBy, channel, roster } = command;
  requireHandedOff(state, leadId);
  requireMember(roster, followedUpBy, 'sales', 'followedUpBy');
  return [{ type: 'LeadFollowedUp', data: { leadId, followedUpBy, channel } }];
};
