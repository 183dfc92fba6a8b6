import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { LeadHandedOff } from './lead.events.js';
import type { LeadState } from './lead.state.js';

/** Marketing hands a lead to a named sales rep. */
export type HandOffLead = { type: 'HandOffLead' } & LeadHandedOff['data'] & { roster: RosterLookup };

export const handOffLead = (command: HandOffLead, state: LeadState): LeadHandedOff[] => {
  const { leadId, handedOffBy, assignedTo, sourceCampaignId, roster } = command;
  if (state.status === 'handed-off') {
    throw new CommandRejected('conflict', 'lead-already-handed-off', `lead ${leadId} was already handed off`);
  }
  requireMember(roster, handedOffBy, 'marketing', 'handedOffBy');
  requireMember(roster, assignedTo, 'sales', 'assignedTo');
  return [{ type: 'LeadHandedOff', data: { leadId, handedOffBy, assignedTo, sourceCampaignId } }];
};
