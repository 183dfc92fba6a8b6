import { capability } from '../shared/capability.js';
import { type AcceptLead, acceptLead } from './accept-lead.js';
import { type FollowUpLead, followUpLead } from './follow-up-lead.js';
import { type HandOffLead, handOffLead } from './hand-off-lead.js';
import type { LeadEvent } from './lead.events.js';
import { type LeadState, evolveLead, initialLeadState } from './lead.state.js';
import { type RejectLead, rejectLead } from './reject-lead.js';

type LeadCommand = HandOffLead | FollowUpLead | AcceptLead | RejectLead;

export const leadCapability = capability<LeadCommand, LeadEvent, LeadState>({
  initialState: initialLeadState,
  evolve: evolveLead,
  streamIdOf: (command) => `lead-${command.leadId}`,
  inputs: { roster: true },
  commands: {
    HandOffLead: { decide: handOffLead, actor: 'handedOffBy' },
    FollowUpLead: { decide: followUpLead, actor: 'followedUpBy' },
    AcceptLead: { decide: acceptLead, actor: 'decidedBy' },
    RejectLead: { decide: rejectLead, actor: 'decidedBy' },
  },
});
