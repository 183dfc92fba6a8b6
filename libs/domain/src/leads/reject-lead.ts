import { screenForBlame } from '../blame/blame-screen.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireHandedOff, requireUndecided } from './lead.guards.js';
import type { LeadRejected } from './lead.events.js';
import type { LeadState } from './lead.state.js';

/**
 * Sales turns the lead down with a reason code (validated by the HTTP layer
 * against the configured list) and a free-text explanation.
 */
export type RejectLead = { type: 'RejectLead' } & Omit<LeadRejected['data'], 'blameFlag'> & {
    roster: RosterLookup;
  };

export const rejectLead = (command: RejectLead, state: LeadState): LeadRejected[] => {
  const { leadId, decidedBy, reasonCode, reasonText, roster } = command;
  requireHandedOff(state, leadId);
  requireUndecided(state, leadId);
  requireMember(roster, decidedBy, 'sales', 'decidedBy');
  const blameFlag = screenForBlame(reasonText).blaming;
  return [{ type: 'LeadRejected', data: { leadId, decidedBy, reasonCode, reasonText, blameFlag } }];
};
