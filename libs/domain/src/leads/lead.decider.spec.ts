import { leadStreamId } from './lead.decider.js';

describe('lead stream', () => {
  it('is named after the lead, in the lead category', () => {
    expect(leadStreamId('lead-acme-cfo')).toBe('lead-lead-acme-cfo');
    expect(leadStreamId('7f3c')).toBe('lead-7f3c');
  });
});
