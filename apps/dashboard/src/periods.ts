import { parsePeriod, periodOf } from '#domain/period';

export type PeriodKind = 'week' | 'month' | 'quarter';

export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter'];

export const kindOf = (period: string): PeriodKind => parsePeriod(period)?.kind ?? 'week';

export const isPeriod = (text: string): boolean => parsePeriod(text) !== null;

/** The period of a kind holding an instant. */
export const periodAt = (kind: PeriodKind, at: Date): string => periodOf(kind, at.toISOString());

/** The period `steps` away (negative: earlier), of the same kind. */
export const shiftPeriod = (period: string, steps: number): string => {
  let current = parsePeriod(period);
  if (current === null) throw new RangeError(`${period} is not a period`);
  for (let i = 0; i < Math.abs(steps); i += 1) {
    const edge = steps > 0 ? Date.parse(current.end) : Date.parse(current.start) - 1;
    const next = parsePeriod(periodOf(current.kind, new Date(edge).toISOString()));
    if (next === null) break;
    current = next;
  }
  return current.text;
};

/** This period and the `n − 1` before it, oldest first. */
export const lastPeriods = (period: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => shiftPeriod(period, i - n + 1));

/** How a period is said to a reader: "Week 49, 2026", "December 2026", "Q4 2026". */
export const periodLabel = (period: string): string => {
  const parsed = parsePeriod(period);
  if (parsed === null) return period;
  const [year, part] = period.split('-');
  if (parsed.kind === 'week')
    return `Week ${Number(part.slice(1))}, ${year} (from ${parsed.start.slice(0, 10)})`;
  if (parsed.kind === 'quarter') return `${part} ${year}`;
  return new Date(parsed.start).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
};

export const periodBounds = (period: string): { start: string; end: string } => {
  const parsed = parsePeriod(period);
  if (parsed === null) throw new RangeError(`${period} is not a period`);
  return { start: parsed.start, end: parsed.end };
};
