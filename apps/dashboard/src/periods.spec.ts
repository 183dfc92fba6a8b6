import { lastPeriods, periodAt, periodLabel, shiftPeriod } from './periods.js';

describe('dashboard periods', () => {
  it('steps weeks across a year with 53 weeks, months and quarters across years', () => {
    expect(shiftPeriod('2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriod('2027-W01', -1)).toBe('2026-W53');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-Q4', 0)).toBe('2026-Q4');
  });

  it('lists the last n periods oldest first, ending with the one given', () => {
    expect(lastPeriods('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('finds the period of an instant by ISO week rules (1 Jan 2027 is in 2026-W53)', () => {
    expect(periodAt('week', new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(periodAt('quarter', new Date('2026-12-01T00:00:00Z'))).toBe('2026-Q4');
  });

  it('says periods in words', () => {
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(periodLabel('2026-Q4')).toBe('Q4 2026');
    expect(periodLabel('2026-W49')).toBe('Week 49, 2026 (from 2026-11-30)');
  });
});
