import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import type { AcceptLead } from './accept-lead.js';
import { leadCapability } from './lead.capability.js';
import type { LeadAccepted, LeadHandedOff, LeadRejected } from './lead.events.js';

const roster: RosterLookup = { 'person-mia': 'marketing', 'person-sam': 'sales', 'person-lena': 'sales' };

const accept: AcceptLead = { type: 'AcceptLead', leadId: 'lead-globex-vp', decidedBy: 'person-lena', roster };

const handedOff: LeadHandedOff = {
  type: 'LeadHandedOff',
  data: {
    leadId: 'lead-globex-vp',
    handedOffBy: 'person-mia',
    assignedTo: 'person-lena',
    sourceCampaignId: null,
  },
};

const accepted: LeadAccepted = {
  type: 'LeadAccepted',
  data: { leadId: 'lead-globex-vp', decidedBy: 'person-lena' },
};

const rejected: LeadRejected = {
  type: 'LeadRejected',
  data: {
    leadId: 'lead-globex-vp',
    decidedBy: 'person-sam',
    reasonCode: 'wrong-fit',
    reasonText: 'The lead was rejected because the company is under 10 employees.',
    blameFlag: false,
  },
};

describe('AcceptLead', () => {
  it('given a handed-off lead, when sales accepts it, then LeadAccepted names who decided', () => {
    given(leadCapability, [handedOff])
      .when(accept)
      .then([{ type: 'LeadAccepted', data: { leadId: 'lead-globex-vp', decidedBy: 'person-lena' } }]);
  });

  it('given a handed-off lead, when a rep other than the assignee accepts it, then it is recorded', () => {
    given(leadCapability, [handedOff])
      .when({ ...accept, decidedBy: 'person-sam' })
      .then([{ type: 'LeadAccepted', data: { leadId: 'lead-globex-vp', decidedBy: 'person-sam' } }]);
  });

  it('given no handoff, when accepted, then it is a conflict', () => {
    given(leadCapability).when(accept).thenRejects('conflict', 'lead-not-handed-off');
  });

  it('given an accepted lead, when accepted again, then it is a conflict', () => {
    given(leadCapability, [handedOff, accepted]).when(accept).thenRejects('conflict', 'lead-already-decided');
  });

  it('given a rejected lead, when accepted, then it is a conflict', () => {
    given(leadCapability, [handedOff, rejected]).when(accept).thenRejects('conflict', 'lead-already-decided');
  });

  it('when someone from marketing accepts, then it breaks the rule that sales decides', () => {
    given(leadCapability, [handedOff])
      .when({ ...accept, decidedBy: 'person-mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });

  it('when the decider is not on the roster, then it is refused', () => {
    given(leadCapability, [handedOff])
      .when({ ...accept, decidedBy: 'person-gone' })
      .thenRejects('rule', 'person-not-on-roster');
  });
});
