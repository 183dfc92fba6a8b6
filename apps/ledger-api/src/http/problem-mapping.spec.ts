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

  it('makes a database that cannot be reached a retryable 503 too', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    for (const error of [refused, terminated]) {
      const problem = toProblem(error);
      expect(problem).toMatchObject({
        status: 503,
        type: '/problems/database-unavailable',
        retryAfterSeconds: 1,
      });
      expect(problem?.detail).not.toContain('127.0.0.1');
    }
    const unique = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(toProblem(unique)).toBeNull();
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
