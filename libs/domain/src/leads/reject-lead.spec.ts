import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import { leadCapability } from './lead.capability.js';
import type { LeadAccepted, LeadHandedOff, LeadRejected } from './lead.events.js';
import type { RejectLead } from './reject-lead.js';

const roster: RosterLookup = { 'person-mia': 'marketing', 'person-sam': 'sales' };

const reject: RejectLead = {
  type: 'RejectLead',
  leadId: 'lead-webinar-117',
  decidedBy: 'person-sam',
  reasonCode: 'no-budget',
  reasonText: 'Rejected: no budget until next fiscal year.',
  roster,
};

const handedOff: LeadHandedOff = {
  type: 'LeadHandedOff',
  data: {
    leadId: 'lead-webinar-117',
    handedOffBy: 'person-mia',
    assignedTo: 'person-sam',
    sourceCampaignId: 'spring-webinar',
  },
};

describe('RejectLead', () => {
  it('given a handed-off lead, when sales rejects it with a factual reason, then LeadRejected is not flagged', () => {
    given(leadCapability, [handedOff])
      .when(reject)
      .then([
        {
          type: 'LeadRejected',
          data: {
            leadId: 'lead-webinar-117',
            decidedBy: 'person-sam',
            reasonCode: 'no-budget',
            reasonText: 'Rejected: no budget until next fiscal year.',
            blameFlag: false,
          },
        },
      ]);
  });

  it('given a handed-off lead, when the reason blames marketing, then LeadRejected carries the blame flag', () => {
    given(leadCapability, [handedOff])
      .when({
        ...reject,
        reasonCode: 'other',
        reasonText: 'Marketing keeps sending us garbage leads with no budget.',
      })
      .then([
        {
          type: 'LeadRejected',
          data: {
            leadId: 'lead-webinar-117',
            decidedBy: 'person-sam',
            reasonCode: 'other',
            reasonText: 'Marketing keeps sending us garbage leads with no budget.',
            blameFlag: true,
          },
        },
      ]);
  });

  it('given no handoff, when rejected, then it is a conflict', () => {
    given(leadCapability).when(reject).thenRejects('conflict', 'lead-not-handed-off');
  });

  it('given an accepted lead, when rejected, then it is a conflict', () => {
    const accepted: LeadAccepted = {
      type: 'LeadAccepted',
      data: { leadId: 'lead-webinar-117', decidedBy: 'person-sam' },
    };
    given(leadCapability, [handedOff, accepted]).when(reject).thenRejects('conflict', 'lead-already-decided');
  });

  it('given a rejected lead, when rejected again, then it is a conflict', () => {
    const rejected: LeadRejected = {
      type: 'LeadRejected',
      data: {
        leadId: 'lead-webinar-117',
        decidedBy: 'person-sam',
        reasonCode: 'no-budget',
        reasonText: 'Rejected: no budget until next fiscal year.',
        blameFlag: false,
      },
    };
    given(leadCapability, [handedOff, rejected])
      .when({ ...reject, reasonCode: 'duplicate', reasonText: 'Same contact as lead-webinar-98.' })
      .thenRejects('conflict', 'lead-already-decided');
  });

  it('when someone from marketing rejects, then it breaks the rule that sales decides', () => {
    given(leadCapability, [handedOff])
      .when({ ...reject, decidedBy: 'person-mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });

  it('when the decider is not on the roster, then it is refused', () => {
    given(leadCapability, [handedOff])
      .when({ ...reject, decidedBy: 'person-gone' })
      .thenRejects('rule', 'person-not-on-roster');
  });
});
