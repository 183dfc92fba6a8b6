import { given } from '#testing';
import { leadAccepted, leadHandedOff, leadRejected, rejectLead } from '../../test/leads.builders.js';
import { leadCapability } from './lead.capability.js';

describe('RejectLead', () => {
  it('given a handed-off lead, when sales rejects it with a factual reason, then LeadRejected is not flagged', () => {
    given(leadCapability, [leadHandedOff()])
      .when(rejectLead())
      .then([leadRejected({ blameFlag: false })]);
  });

  it('given a handed-off lead, when the reason blames marketing, then LeadRejected carries the blame flag', () => {
    const blaming = {
      reasonCode: 'other',
      reasonText: 'Marketing keeps sending us garbage leads with no budget.',
    };
    given(leadCapability, [leadHandedOff()])
      .when(rejectLead(blaming))
      .then([leadRejected({ ...blaming, blameFlag: true })]);
  });

  it('given no handoff, when rejected, then it is a conflict', () => {
    given(leadCapability).when(rejectLead()).thenRejects('conflict', 'lead-not-handed-off');
  });

  it('given an accepted lead, when rejected, then it is a conflict', () => {
    given(leadCapability, [leadHandedOff(), leadAccepted()])
      .when(rejectLead())
      .thenRejects('conflict', 'lead-already-decided');
  });

  it('given a rejected lead, when rejected again, then it is a conflict', () => {
    given(leadCapability, [leadHandedOff(), leadRejected()])
      .when(rejectLead({ reasonCode: 'duplicate', reasonText: 'Same contact as lead-webinar-98.' }))
      .thenRejects('conflict', 'lead-already-decided');
  });

  it.each([
    [
      'when someone from marketing rejects, then it breaks the rule that sales decides',
      'person-mia',
      'person-not-in-sales',
    ],
    ['when the decider is not on the roster, then it is refused', 'person-gone', 'person-not-on-roster'],
  ])('%s', (_title, decidedBy, code) => {
    given(leadCapability, [leadHandedOff()]).when(rejectLead({ decidedBy })).thenRejects('rule', code);
  });
});
