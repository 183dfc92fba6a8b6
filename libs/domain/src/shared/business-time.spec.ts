import { resolveOccurredAt } from './business-time.js';

describe('business time of a command', () => {
  const receivedAt = '2026-11-23T12:00:00.000Z';

  it('given no occurredAt, then it is the time received', () => {
    expect(resolveOccurredAt(undefined, receivedAt)).toBe(receivedAt);
  });

  it('given a past time with an offset, then it is normalised to UTC', () => {
    expect(resolveOccurredAt('2026-11-20T10:30:00+02:00', receivedAt)).toBe('2026-11-20T08:30:00.000Z');
  });

  it('given up to 5 minutes ahead, then clock skew is tolerated', () => {
    expect(resolveOccurredAt('2026-11-23T12:05:00Z', receivedAt)).toBe('2026-11-23T12:05:00.000Z');
  });

  it('given more than 5 minutes ahead, then the command is refused naming occurredAt', () => {
    expect(() => resolveOccurredAt('2026-11-23T12:05:00.001Z', receivedAt)).toThrow(
      expect.objectContaining({ kind: 'rule', code: 'occurred-at-in-future', field: 'occurredAt' }),
    );
  });
});
