import { EventStoreUnavailableError, WrongExpectedVersionError, atRevision } from '#event-store';
import { toProblem } from './problem-mapping.js';

describe('problem mapping', () => {
  it('makes an event store that did not answer a retryable 503, never a 500', () => {
    const problem = toProblem(
      new EventStoreUnavailableError('EventStoreDB did not confirm the append of command c1'),
    );
    expect(problem).toMatchObject({
      status: 503,
      type: '/problems/event-store-unavailable',
      retryAfterSeconds: 1,
    });
    expect(problem?.detail).toContain('same Idempotency-Key');
  });

  it('names both revisions of a concurrency conflict', () => {
    expect(toProblem(new WrongExpectedVersionError('deal-1', atRevision(2), 3))).toMatchObject({
      status: 409,
    });
  });

  it('leaves the unexpected to the filter', () => {
    expect(toProblem(new Error('boom'))).toBeNull();
  });
});
