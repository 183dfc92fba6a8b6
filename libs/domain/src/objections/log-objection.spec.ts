import { given } from '#testing';
import type { LogObjection } from './log-objection.js';
import { objectionDecider } from './objection.decider.js';

const log: LogObjection = {
  type: 'LogObjection',
  objectionId: 'obj-17',
  category: 'price',
  text: 'Too expensive compared to what they pay today',
  heardBy: 'person-sam',
  dealId: 'deal-4',
  campaignId: null,
};

describe('LogObjection', () => {
  it('given no history, when logged, then ObjectionLogged records what was heard', () => {
    given(objectionDecider)
      .when(log)
      .then([
        {
          type: 'ObjectionLogged',
          data: {
            objectionId: 'obj-17',
            category: 'price',
            text: 'Too expensive compared to what they pay today',
            heardBy: 'person-sam',
            dealId: 'deal-4',
            campaignId: null,
          },
        },
      ]);
  });

  it('given a logged objection, when the same id is logged again, then it is a conflict', () => {
    const logged = objectionDecider.decide(log, objectionDecider.initialState);
    given(objectionDecider, logged).when(log).thenRejects('conflict', 'objection-already-logged');
  });
});
