import { CommandRejected } from '#domain';
import {
  EventStoreUnavailableError,
  WrongExpectedVersionError,
  atRevision,
  streamExists,
} from '#event-store';
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

  it('makes a stream not at the expected revision a 412 naming both, with the current ETag', () => {
    expect(toProblem(new WrongExpectedVersionError('deal-1', atRevision(2), 3))).toMatchObject({
      status: 412,
      type: '/problems/precondition-failed',
      streamId: 'deal-1',
      ifMatch: '"2"',
      expectedRevision: 2,
      actualRevision: 3,
      etag: '"3"',
    });
    expect(toProblem(new WrongExpectedVersionError('deal-1', streamExists, -1))).toMatchObject({
      status: 412,
      ifMatch: '*',
      actualRevision: -1,
    });
    expect(toProblem(new WrongExpectedVersionError('deal-1', streamExists, -1))).not.toHaveProperty('etag');
  });

  it('titles a domain rejection by its problem type, the same for every occurrence', () => {
    expect(
      toProblem(new CommandRejected('conflict', 'campaign-already-launched', 'campaign x was…')),
    ).toMatchObject({
      status: 409,
      type: '/problems/campaign-already-launched',
      title: 'Campaign already launched',
    });
  });

  it('leaves the unexpected to the filter', () => {
    expect(toProblem(new Error('boom'))).toBeNull();
  });
});
