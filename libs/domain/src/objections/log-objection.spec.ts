import { given } from '#testing';
import type { LogObjection } from './log-objection.js';
import { objectionCapability } from './objection.capability.js';

const log: LogObjection = {
  type: 'LogObjection',
  objectionId: 'obj-17',
  category: 'price',
  text: 'Too expensive compared to what they pay today',
  heardBy: 'sam',
  dealId: 'deal-4',
  campaignId: null,
  roster: { sam: 'sales', mia: 'marketing' },
};

describe('LogObjection', () => {
  it('given no history, when a rep logs, then ObjectionLogged records what was heard', () => {
    given(objectionCapability)
      .when(log)
      .then([
        {
          type: 'ObjectionLogged',
          data: {
            objectionId: 'obj-17',
            category: 'price',
            text: 'Too expensive compared to what they pay today',
            heardBy: 'sam',
            dealId: 'deal-4',
            campaignId: null,
            blameFlag: false,
          },
        },
      ]);
  });

  it('given blaming text, then it is accepted with a blame flag', () => {
    const [event] = objectionCapability.decide(
      { ...log, text: 'Lost it because marketing sent them junk leads again' },
      objectionCapability.initialState,
    );
    expect(event.data.blameFlag).toBe(true);
  });

  it('given a logged objection, when the same id is logged again, then it is a conflict', () => {
    const logged = objectionCapability.decide(log, objectionCapability.initialState);
    given(objectionCapability, logged).when(log).thenRejects('conflict', 'objection-already-logged');
  });

  it('given a marketer as the one who heard it, then 422', () => {
    given(objectionCapability)
      .when({ ...log, heardBy: 'mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });
});
