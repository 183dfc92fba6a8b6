import { defaultLeadRejectionReasons } from './lead-rejection-reasons.js';
import { leadStreamId } from './lead.decider.js';

describe('lead stream', () => {
  it('is named after the lead', () => {
    expect(leadStreamId('lead-acme-cfo')).toBe('lead-lead-acme-cfo');
    expect(leadStreamId('7f3c')).toBe('lead-7f3c');
  });

  it('offers the default rejection reasons', () => {
    expect(defaultLeadRejectionReasons).toEqual([
      'no-budget',
      'no-authority',
      'no-need',
      'bad-timing',
      'wrong-fit',
      'duplicate',
      'bad-contact-data',
      'other',
    ]);
  });
});
