import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { FollowUpLead } from './follow-up-lead.js';
import { leadCapability } from './lead.capability.js';
import type { LeadFollowedUp, LeadHandedOff, LeadRejected } from './lead.events.js';

const roster: RosterLookup = { 'person-mia': 'marketing', 'person-sam': 'sales', 'person-lena': 'sales' };

const followUp: FollowUpLead = {
  type: 'FollowUpLead',
  leadId: 'lead-acme-cfo',
  followedUpBy: 'person-sam',
  channel: 'phone',
  roster,
};

const handedOff: LeadHandedOff = {
  type: 'LeadHandedOff',
  data: {
    leadId: 'lead-acme-cfo',
    handedOffBy: 'person-mia',
    assignedTo: 'person-sam',
    sourceCampaignId: 'q3-upsell',
  },
};

const firstCall: LeadFollowedUp = {
  type: 'LeadFollowedUp',
  data: { leadId: 'lead-acme-cfo', followedUpBy: 'person-sam', channel: 'phone' },
};

describe('FollowUpLead', () => {
  it('given a handed-off lead, when the rep calls, then LeadFollowedUp records who and how', () => {
    given(leadCapability, [handedOff])
      .when(followUp)
      .then([
        {
          type: 'LeadFollowedUp',
          data: { leadId: 'lead-acme-cfo', followedUpBy: 'person-sam', channel: 'phone' },
        },
      ]);
  });

  it('given a lead already followed up, when another rep emails, then the repeat is recorded too', () => {
    given(leadCapability, [handedOff, firstCall])
      .when({ ...followUp, followedUpBy: 'person-lena', channel: 'email' })
      .then([
        {
          type: 'LeadFollowedUp',
          data: { leadId: 'lead-acme-cfo', followedUpBy: 'person-lena', channel: 'email' },
        },
      ]);
  });

  it('given a rejected lead, when the rep follows up anyway, then it is recorded', () => {
    const rejected: LeadRejected = {
      type: 'LeadRejected',
      data: {
        leadId: 'lead-acme-cfo',
        decidedBy: 'person-sam',
        reasonCode: 'bad-timing',
        reasonText: 'Rejected: no budget until next fiscal year.',
        blameFlag: false,
      },
    };
    given(leadCapability, [handedOff, rejected])
      .when({ ...followUp, channel: 'meeting' })
      .then([
        {
          type: 'LeadFollowedUp',
          data: { leadId: 'lead-acme-cfo', followedUpBy: 'person-sam', channel: 'meeting' },
        },
      ]);
  });

  it('given no handoff, when followed up, then it is a conflict', () => {
    given(leadCapability).when(followUp).thenRejects('conflict', 'lead-not-handed-off');
  });

  it('when someone from marketing follows up, then it breaks the rule that sales follows up', () => {
    given(leadCapability, [handedOff])
      .when({ ...followUp, followedUpBy: 'person-mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });

  it('when the person following up is not on the roster, then it is refused', () => {
    given(leadCapability, [handedOff])
      .when({ ...followUp, followedUpBy: 'person-contractor' })
      .thenRejects('rule', 'person-not-on-roster');
  });
});
