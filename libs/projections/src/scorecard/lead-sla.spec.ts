import { leadSla } from './lead-sla.js';

const at = (iso: string) => new Date(`2026-11-${iso}Z`);

describe('lead SLA', () => {
  it('counts follow-ups at or before the deadline as within, later ones and overdue silences as breached', () => {
    const t = at('10T12:00:00');
    const result = leadSla(
      [
        // 8 h SLA. On the deadline exactly: within, 480 min.
        { handedOffAt: at('02T09:00:00'), firstFollowUpAt: at('02T17:00:00') },
        // One minute late: breached, 481 min.
        { handedOffAt: at('03T09:00:00'), firstFollowUpAt: at('03T17:01:00') },
        // 30 min: within.
        { handedOffAt: at('04T09:00:00'), firstFollowUpAt: at('04T09:30:00') },
        // No follow-up, deadline 10 Nov 11:00 < T 12:00: breached.
        { handedOffAt: at('10T03:00:00'), firstFollowUpAt: null },
        // No follow-up, deadline 10 Nov 18:00 > T: pending, counted in neither.
        { handedOffAt: at('10T10:00:00'), firstFollowUpAt: null },
      ],
      8,
      t,
    );
    // within 2, breached 2 → 2/4; response minutes 30, 480, 481 → median 480.
    expect(result).toEqual({ withinSla: 2, breached: 2, slaCompliance: 0.5, medianResponseMinutes: 480 });
  });

  it('takes the mean of the middle two for an even count, and nulls without data', () => {
    const four = [10, 20, 40, 100].map((minutes) => ({
      handedOffAt: at('02T00:00:00'),
      firstFollowUpAt: new Date(at('02T00:00:00').getTime() + minutes * 60_000),
    }));
    // (20 + 40) / 2 = 30
    expect(leadSla(four, 24, at('30T00:00:00')).medianResponseMinutes).toBe(30);
    expect(leadSla([], 24, at('30T00:00:00'))).toEqual({
      withinSla: 0,
      breached: 0,
      slaCompliance: null,
      medianResponseMinutes: null,
    });
  });
});
