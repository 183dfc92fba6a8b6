import { parsePeriod } from '#domain';
import { weeklyCadence } from './weekly-cadence.js';

const november = parsePeriod('2026-11')!;
const at = (iso: string) => new Date(`${iso}Z`);

describe('weekly cadence', () => {
  // November 2026 starts on a Sunday: W44 (26 Oct–1 Nov, inside only on 1 Nov),
  // W45 (2–8), W46 (9–15), W47 (16–22), W48 (23–29), W49 (30 Nov–6 Dec, inside only on 30 Nov).
  it('counts elapsed weeks by their first day inside the period, and covered ones by joint huddles inside it', () => {
    const huddles = [
      at('2026-10-31T10:00:00'), // W44 but before the period: does not cover it
      at('2026-11-03T10:00:00'), // W45
      at('2026-11-05T10:00:00'), // W45 again
      at('2026-11-17T10:00:00'), // W47
    ];
    // T = 16 Nov 00:00: W44 (1 Nov), W45, W46, W47 (16 Nov has begun) elapsed = 4; covered W45, W47 = 2.
    expect(weeklyCadence(november, huddles, at('2026-11-16T00:00:00'))).toBe(2 / 4);
    // T = 15 Nov 23:59: W47 not yet begun → 3 elapsed, W45 covered → 1/3.
    expect(weeklyCadence(november, huddles, at('2026-11-15T23:59:00'))).toBe(1 / 3);
    // After the month: all six weeks elapsed.
    expect(weeklyCadence(november, huddles, at('2027-01-01T00:00:00'))).toBe(2 / 6);
  });

  it('covers the first partial week with a huddle on its only day inside the period', () => {
    expect(weeklyCadence(november, [at('2026-11-01T09:00:00')], at('2026-11-01T10:00:00'))).toBe(1);
  });

  it('is null before the period begins', () => {
    expect(weeklyCadence(november, [], at('2026-10-31T23:59:59'))).toBeNull();
  });

  it('counts the weeks of an ISO week period as one', () => {
    const week = parsePeriod('2026-W47')!;
    expect(weeklyCadence(week, [], at('2026-11-20T00:00:00'))).toBe(0);
    expect(weeklyCadence(week, [at('2026-11-22T23:00:00')], at('2026-11-23T00:00:00'))).toBe(1);
  });
});
