import { given } from '#testing';
import { handOffLead, leadHandedOff } from '../../test/leads.builders.js';
import type { HandOffLead } from './hand-off-lead.js';
import { leadCapability } from './lead.capability.js';

describe('HandOffLead', () => {
  it('given no history, when marketing hands a lead to a sales rep, then LeadHandedOff names both (and not the roster)', () => {
    given(leadCapability).when(handOffLead()).then([leadHandedOff()]);
  });

  it('given no history, when a lead with no source campaign is handed off, then sourceCampaignId is null', () => {
    const referral = { leadId: 'lead-referral-42', handedOffBy: 'person-omar', sourceCampaignId: null };
    given(leadCapability)
      .when(handOffLead(referral))
      .then([leadHandedOff(referral)]);
  });

  it('given a handed-off lead, when handed off again, then it is a conflict', () => {
    given(leadCapability, [leadHandedOff()])
      .when(handOffLead({ assignedTo: 'person-lena' }))
      .thenRejects('conflict', 'lead-already-handed-off');
  });

  it.each<[string, Partial<HandOffLead>, string]>([
    [
      'when a sales rep hands off a lead, then it breaks the rule that marketing hands off',
      { handedOffBy: 'person-lena' },
      'person-not-in-marketing',
    ],
    [
      'when the lead is assigned to someone from marketing, then it breaks the rule that sales receives it',
      { assignedTo: 'person-omar' },
      'person-not-in-sales',
    ],
    [
      'when the hander-off is not on the roster, then it is refused',
      { handedOffBy: 'person-former-intern' },
      'person-not-on-roster',
    ],
    [
      'when the assignee is not on the roster, then it is refused',
      { assignedTo: 'person-unknown-ae' },
      'person-not-on-roster',
    ],
  ])('%s', (_title, overrides, code) => {
    given(leadCapability).when(handOffLead(overrides)).thenRejects('rule', code);
  });
});
