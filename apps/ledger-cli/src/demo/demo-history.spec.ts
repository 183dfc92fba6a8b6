import { screenForBlame } from '#domain';
import { DEMO_PEOPLE, DEMO_WEEKS, type DemoCall, demoHistory, demoWindowStart } from './demo-history.js';

/** A Tuesday evening, a Monday just after midnight and a Sunday night: the window's last week cut anywhere. */
const NOWS = ['2026-12-01T20:00:00Z', '2027-03-08T00:20:00Z', '2026-06-28T23:59:00Z'].map(
  (text) => new Date(text),
);

const calls = (now: Date): DemoCall[] => demoHistory(now).flatMap((sitting) => sitting.calls);

/** The business times a body gives: when it happened, when a huddle was held, when a deal closed. */
const businessTimes = (demoCall: DemoCall): string[] => {
  const body = demoCall.body as { occurredAt?: string; heldAt?: string; closedAt?: string };
  return [body.occurredAt, body.heldAt, body.closedAt].filter((at): at is string => at !== undefined);
};

/** Every string inside a value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : typeof value === 'object' && value !== null
        ? Object.values(value).flatMap(strings)
        : [];

describe('demoHistory', () => {
  it.each(NOWS)('is the same history for the same now (%s), and another one a week on', (now) => {
    expect(demoHistory(new Date(now))).toEqual(demoHistory(now));
    expect(demoHistory(new Date(now.getTime() + 7 * 86_400_000))).not.toEqual(demoHistory(now));
  });

  it.each(NOWS)('keeps every business time inside the 12 weeks up to now (%s)', (now) => {
    const start = demoWindowStart(now);
    expect(start.getUTCDay()).toBe(1);
    expect(now.getTime() - start.getTime()).toBeLessThan(DEMO_WEEKS * 7 * 86_400_000);
    const times = calls(now)
      .flatMap(businessTimes)
      .map((at) => Date.parse(at));
    expect(times.length).toBeGreaterThan(calls(now).length - 1);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
  });

  it('posts the bulk in business-time order, each person registered before anything names them', () => {
    const [history, late] = demoHistory(NOWS[0]);
    const ordered = (sitting: DemoCall[]) =>
      sitting.map((c) => Date.parse(businessTimes(c)[0])).every((at, i, all) => i === 0 || all[i - 1] <= at);
    expect(ordered(history.calls)).toBe(true);
    expect(ordered(late.calls)).toBe(true);
    expect(history.calls.length + late.calls.length).toBeGreaterThan(400);
    expect(history.calls.length + late.calls.length).toBeLessThan(1500);
    expect(late.calls.length).toBeGreaterThan(15);
    for (const { personId } of DEMO_PEOPLE) {
      const named = history.calls.findIndex((c) => JSON.stringify(c.body).includes(`"${personId}"`));
      const registered = history.calls.findIndex(
        (c) => c.path === '/v1/team-members/{personId}/register' && c.params.personId === personId,
      );
      expect(registered).toBeGreaterThanOrEqual(0);
      expect(named).toBeGreaterThan(registered);
    }
  });

  it('names people by opaque ids: no display name, nor any part of one, outside the registrations', () => {
    const parts = DEMO_PEOPLE.flatMap(({ displayName }) => [displayName, ...displayName.split(' ')]);
    for (const demoCall of calls(NOWS[0])) {
      const text = JSON.stringify(demoCall);
      if (demoCall.path === '/v1/team-members/{personId}/register') {
        expect(JSON.stringify(demoCall.params)).toMatch(/^\{"personId":"p-\d{2}"\}$/);
        continue;
      }
      for (const part of parts) expect(text).not.toContain(part);
    }
  });

  it('writes only blame-free free text (the ledger would flag or refuse anything else)', () => {
    const texts = new Set(
      calls(NOWS[0])
        .filter((c) => c.path !== '/v1/team-members/{personId}/register')
        .flatMap((c) => strings(c.body))
        .filter((text) => text.includes(' ')),
    );
    expect(texts.size).toBeGreaterThan(50);
    expect([...texts].filter((text) => screenForBlame(text).blaming)).toEqual([]);
  });
});
