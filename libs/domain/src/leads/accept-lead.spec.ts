import { given } from '#testing';
import { acceptLead, leadAccepted, leadHandedOff, leadRejected } from '../../test/leads.builders.js';
import { leadCapability } from './lead.capability.js';

describe('AcceptLead', () => {
  it('given a handed-off lead, when sales accepts it, then LeadAccepted names who decided', () => {
    given(leadCapability, [leadHandedOff()]).when(acceptLead()).then([leadAccepted()]);
  });

  it('given a handed-off lead, when a rep other than the assignee accepts it, then it is recorded', () => {
    const byLena = { decidedBy: 'person-lena' };
    given(leadCapability, [leadHandedOff()])
      .when(acceptLead(byLena))
      .then([leadAccepted(byLena)]);
  });

  it('given no handoff, when accepted, then it is a conflict', () => {
    given(leadCapability).when(acceptLead()).thenRejects('conflict', 'lead-not-handed-off');
  });

  it.each([
    ['given an accepted lead, when accepted again, then it is a conflict', leadAccepted()],
    ['given a rejected lead, when accepted, then it is a conflict', leadRejected()],
  ])('%s', (_title, decision) => {
    given(leadCapability, [leadHandedOff(), decision])
      .when(acceptLead())
      .thenRejects('conflict', 'lead-already-decided');
  });

  it.each([
    [
      'when someone from marketing accepts, then it breaks the rule that sales decides',
      'person-mia',
      'person-not-in-sales',
    ],
    ['when the decider is not on the roster, then it is refused', 'person-gone', 'person-not-on-roster'],
  ])('%s', (_title, decidedBy, code) => {
    given(leadCapability, [leadHandedOff()]).when(acceptLead({ decidedBy })).thenRejects('rule', code);
  });
});
