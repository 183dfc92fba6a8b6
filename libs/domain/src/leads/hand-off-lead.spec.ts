import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { HandOffLead } from './hand-off-lead.js';
import { leadCapability } from './lead.capability.js';
import type { LeadHandedOff } from './lead.events.js';

const roster: RosterLookup = {
  'person-mia': 'marketing',
  'person-omar': 'marketing',
  'person-sam': 'sales',
  'person-lena': 'sales',
};

const handOff: HandOffLead = {
  type: 'HandOffLead',
  leadId: 'lead-acme-cfo',
  handedOffBy: 'person-mia',
  assignedTo: 'person-sam',
  sourceCampaignId: 'q3-upsell',
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

describe('HandOffLead', () => {
  it('given no history, when marketing hands a lead to a sales rep, then LeadHandedOff names both (and not the roster)', () => {
    given(leadCapability)
      .when(handOff)
      .then([
        {
          type: 'LeadHandedOff',
          data: {
            leadId: 'lead-acme-cfo',
            handedOffBy: 'person-mia',
            assignedTo: 'person-sam',
            sourceCampaignId: 'q3-upsell',
          },
        },
      ]);
  });

  it('given no history, when a lead with no source campaign is handed off, then sourceCampaignId is null', () => {
    given(leadCapability)
      .when({ ...handOff, leadId: 'lead-referral-42', handedOffBy: 'person-omar', sourceCampaignId: null })
      .then([
        {
          type: 'LeadHandedOff',
          data: {
            leadId: 'lead-referral-42',
            handedOffBy: 'person-omar',
            assignedTo: 'person-sam',
            sourceCampaignId: null,
          },
        },
      ]);
  });

  it('given a handed-off lead, when handed off again, then it is a conflict', () => {
    given(leadCapability, [handedOff])
      .when({ ...handOff, assignedTo: 'person-lena' })
      .thenRejects('conflict', 'lead-already-handed-off');
  });

  it('when a sales rep hands off a lead, then it breaks the rule that marketing hands off', () => {
    given(leadCapability)
      .when({ ...handOff, handedOffBy: 'person-lena' })
      .thenRejects('rule', 'person-not-in-marketing');
  });

  it('when the lead is assigned to someone from marketing, then it breaks the rule that sales receives it', () => {
    given(leadCapability)
      .when({ ...handOff, assignedTo: 'person-omar' })
      .thenRejects('rule', 'person-not-in-sales');
  });

  it('when the hander-off is not on the roster, then it is refused', () => {
    given(leadCapability)
      .when({ ...handOff, handedOffBy: 'person-former-intern' })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('when the assignee is not on the roster, then it is refused', () => {
    given(leadCapability)
      .when({ ...handOff, assignedTo: 'person-unknown-ae' })
      .thenRejects('rule', 'person-not-on-roster');
  });
});
