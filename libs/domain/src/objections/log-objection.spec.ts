import { given } from '#testing';
import { logObjection, objectionLogged } from '../../test/objections.builders.js';
import { objectionCapability } from './objection.capability.js';

describe('LogObjection', () => {
  it('given no history, when a rep logs, then ObjectionLogged records what was heard', () => {
    given(objectionCapability).when(logObjection()).then([objectionLogged()]);
  });

  it('given blaming text, then it is accepted with a blame flag', () => {
    const text = 'Lost it because marketing sent them junk leads again';
    given(objectionCapability)
      .when(logObjection({ text }))
      .then([objectionLogged({ text, blameFlag: true })]);
  });

  it('given a logged objection, when the same id is logged again, then it is a conflict', () => {
    given(objectionCapability, [objectionLogged()])
      .when(logObjection())
      .thenRejects('conflict', 'objection-already-logged');
  });

  it('given a marketer as the one who heard it, then 422', () => {
    given(objectionCapability)
      .when(logObjection({ heardBy: 'mia' }))
      .thenRejects('rule', 'person-not-in-sales');
  });
});
