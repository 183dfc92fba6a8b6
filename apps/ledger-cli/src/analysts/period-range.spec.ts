import { parsePeriod } from '#domain';
import { UsageError } from '../cli-io.js';
import { nextPeriod, periodRange } from './period-range.js';

const next = (text: string) => {
  const period = parsePeriod(text);
  if (!period) throw new Error(`${text} is not a period`);
  return nextPeriod(period)?.text ?? null;
};

describe('nextPeriod', () => {
  it('crosses ISO week-years, 53-week years included', () => {
    // 2020 starts on a Wednesday and is a leap year, so 31 December is a Thursday: 53 weeks.
    expect(next('2020-W52')).toBe('2020-W53');
    expect(next('2020-W53')).toBe('2021-W01');
    // 2026 starts on a Thursday: 53 weeks; 2025 has 52, so its W52 goes to 2026-W01 (Mon 29 Dec 2025).
    expect(next('2026-W52')).toBe('2026-W53');
    expect(next('2026-W53')).toBe('2027-W01');
    expect(next('2025-W52')).toBe('2026-W01');
    expect(next('2026-W09')).toBe('2026-W10');
  });

  it('crosses months and quarters into the next year', () => {
    expect(next('2026-12')).toBe('2027-01');
    expect(next('2024-02')).toBe('2024-03');
    expect(next('2026-Q4')).toBe('2027-Q1');
    expect(next('2026-Q1')).toBe('2026-Q2');
  });

  it('has none after the ledger’s last year', () => {
    expect(next('2199-12')).toBeNull();
    expect(next('2199-Q4')).toBeNull();
  });
});

describe('periodRange', () => {
  it('lists both ends and everything between', () => {
    expect(periodRange('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodRange('2026-Q3', '2027-Q1')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(periodRange('2026-W05', '2026-W05')).toEqual(['2026-W05']);
    // 2026 has 53 ISO weeks.
    expect(periodRange('2026-W01', '2026-W53')).toHaveLength(53);
    expect(periodRange('2025-W01', '2025-W52')).toHaveLength(52);
  });

  it('refuses mixed granularity, a backward range, a too long one and a period that does not exist', () => {
    const refusal = (from: string, to: string, max?: number) => {
      try {
        periodRange(from, to, max);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`${from}..${to} was accepted`);
    };
    expect(refusal('2026-W01', '2026-03')).toBe(
      '--from 2026-W01 is a week but --to 2026-03 a month: give both in weeks, months or quarters',
    );
    expect(refusal('2026-W10', '2026-W09')).toBe('--from 2026-W10 comes after --to 2026-W09');
    expect(refusal('2000-W01', '2026-W01')).toBe(
      '2000-W01..2026-W01 is more than 520 weeks: ask for a shorter range',
    );
    expect(refusal('2026-01', '2026-04', 3)).toBe(
      '2026-01..2026-04 is more than 3 months: ask for a shorter range',
    );
    expect(periodRange('2026-01', '2026-03', 3)).toHaveLength(3);
    expect(refusal('2025-W53', '2026-W01')).toMatch(/^--from must be an ISO week .* got "2025-W53"$/);
    expect(refusal('2026-Q1', 'soon')).toMatch(/^--to must be .* got "soon"$/);
  });
});
