import { formatRoute, parseRoute } from './route.js';

const now = new Date('2026-12-01T10:00:00Z');

describe('dashboard route', () => {
  it('reads a view, a period and instants back from the hash it wrote', () => {
    const route = {
      view: 'changes' as const,
      period: '2026-Q4',
      asOf: '2026-11-20T12:00:00.000Z',
      since: '2026-11-01T00:00:00.000Z',
      position: null,
    };
    expect(parseRoute(formatRoute(route), now)).toEqual(route);
  });

  it('falls back to the scorecard of the current week, as of now, on an unreadable hash', () => {
    expect(parseRoute('#/nowhere?period=2026-W99&asOf=yesterday', now)).toEqual({
      view: 'scorecard',
      period: '2026-W49',
      asOf: null,
      since: null,
      position: null,
    });
  });

  it('reads the position of the event view', () => {
    expect(parseRoute('#/event/42?period=2026-11', now)).toMatchObject({ view: 'event', position: 42 });
  });
});
