import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireHandedOff, requireUndecided } from './lead.guards.js';
import type { LeadAccepted } from './lead.events.js';
import type { LeadState } from './lead.state.js';

/** Sales takes the lead on. */
export type AcceptLead = { type: 'AcceptLead' } & LeadAccepted['data'] & { roster: RosterLookup };

export const acceptLead = (command: AcceptLead, state: LeadState): LeadAccepted[] => {
  const { leadId, decidedBy, roster } = command;
  requireHandedOff(state, leadId);
  requireUndecided(state, leadId);
  requireMember(roster, decidedBy, 'sales', 'decidedBy');
  return [{ type: 'LeadAccepted', data: { leadId, decidedBy } }];
};
