import type { Decider } from '../shared/decider.js';
import { type AcceptLead, acceptLead } from './accept-lead.js';
import { type FollowUpLead, followUpLead } from './follow-up-lead.js';
import { type HandOffLead, handOffLead } from './hand-off-lead.js';
import type { LeadEvent } from './lead.events.js';
import { type LeadState, evolveLead, initialLeadState } from './lead.state.js';
import { type RejectLead, rejectLead } from './reject-lead.js';

export type LeadCommand = HandOffLead | FollowUpLead | AcceptLead | RejectLead;

export const leadStreamId = (leadId: string) => `lead-${leadId}`;

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: initialLeadState,
  evolve: evolveLead,
  decide: (command, state) => {
    switch (command.type) {
      case 'HandOffLead':
        return handOffLead(command, state);
      case 'FollowUpLead':
        return followUpLead(command, state);
      case 'AcceptLead':
        return acceptLead(command, state);
      case 'RejectLead':
        return rejectLead(command, state);
    }
  },
};
