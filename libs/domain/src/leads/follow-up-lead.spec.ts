import { given } from '#testing';
import { followUpLead, leadFollowedUp, leadHandedOff, leadRejected } from '../../test/leads.builders.js';
import { leadCapability } from './lead.capability.js';

describe('FollowUpLead', () => {
  it('given a handed-off lead, when the rep calls, then LeadFollowedUp records who and how', () => {
    given(leadCapability, [leadHandedOff()]).when(followUpLead()).then([leadFollowedUp()]);
  });

  it('given a lead already followed up, when another rep emails, then the repeat is recorded too', () => {
    const lenaEmails = { followedUpBy: 'person-lena', channel: 'email' } as const;
    given(leadCapability, [leadHandedOff(), leadFollowedUp()])
      .when(followUpLead(lenaEmails))
      .then([leadFollowedUp(lenaEmails)]);
  });

  it('given a rejected lead, when the rep follows up anyway, then it is recorded', () => {
    given(leadCapability, [leadHandedOff(), leadRejected()])
      .when(followUpLead({ channel: 'meeting' }))
      .then([leadFollowedUp({ channel: 'meeting' })]);
  });

  it('given no handoff, when followed up, then it is a conflict', () => {
    given(leadCapability).when(followUpLead()).thenRejects('conflict', 'lead-not-handed-off');
  });

  it.each([
    [
      'when someone from marketing follows up, then it breaks the rule that sales follows up',
      'person-mia',
      'person-not-in-sales',
    ],
    [
      'when the person following up is not on the roster, then it is refused',
      'person-contractor',
      'person-not-on-roster',
    ],
  ])('%s', (_title, followedUpBy, code) => {
    given(leadCapability, [leadHandedOff()]).when(followUpLead({ followedUpBy })).thenRejects('rule', code);
  });
});
