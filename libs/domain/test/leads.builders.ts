import type {
  LeadAccepted,
  leadCapability,
  LeadFollowedUp,
  LeadHandedOff,
  LeadRejected,
} from '../src/index.js';
import { type CommandOf, builders } from './builders.js';
import { roster } from './roster.builders.js';

type Command<Type extends string> = CommandOf<typeof leadCapability, Type>;

const leadId = 'lead-acme-cfo';

/** Mia hands Sam a lead from the Q3 upsell campaign. */
const handoff: LeadHandedOff['data'] = {
  leadId,
  handedOffBy: 'person-mia',
  assignedTo: 'person-sam',
  sourceCampaignId: 'q3-upsell',
};
export const [handOffLead, leadHandedOff] = builders<Command<'HandOffLead'>, LeadHandedOff>(
  { type: 'HandOffLead', ...handoff, roster },
  { type: 'LeadHandedOff', data: handoff },
);

const followUp: LeadFollowedUp['data'] = { leadId, followedUpBy: 'person-sam', channel: 'phone' };
export const [followUpLead, leadFollowedUp] = builders<Command<'FollowUpLead'>, LeadFollowedUp>(
  { type: 'FollowUpLead', ...followUp, roster },
  { type: 'LeadFollowedUp', data: followUp },
);

/** Sam, the assignee, decides. */
const decision = { leadId, decidedBy: 'person-sam' };
export const [acceptLead, leadAccepted] = builders<Command<'AcceptLead'>, LeadAccepted>(
  { type: 'AcceptLead', ...decision, roster },
  { type: 'LeadAccepted', data: decision },
);

const rejection = {
  ...decision,
  reasonCode: 'no-budget',
  reasonText: 'Rejected: no budget until next fiscal year.',
};
export const [rejectLead, leadRejected] = builders<Command<'RejectLead'>, LeadRejected>(
  { type: 'RejectLead', ...rejection, roster },
  { type: 'LeadRejected', data: { ...rejection, blameFlag: false } },
);
