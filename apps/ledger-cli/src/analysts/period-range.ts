import { type Period, parsePeriod, periodOf } from '#domain';
import { UsageError } from '../cli-io.js';

/** At most this many periods in one run: ten years of weeks. */
export const MAX_PERIODS = 520;

const KINDS = { week: 'weeks', month: 'months', quarter: 'quarters' } as const;

/**
 * The period after this one, of the same kind: the one holding its (exclusive)
 * end, so ISO week-years with 53 weeks, year ends and quarters come from the
 * domain's own calendar. Null past the ledger's last year.
 */
export const nextPeriod = (period: Period): Period | null => parsePeriod(periodOf(period.kind, period.end));

const parseEnd = (option: string, text: string): Period => {
  const period = parsePeriod(text);
  if (!period) {
    throw new UsageError(
      `${option} must be an ISO week (2026-W01), a month (2026-01) or a quarter (2026-Q1) that exists, got "${text}"`,
    );
  }
  return period;
};

/** Every period from `from` to `to`, both included, as texts; a UsageError for a range that cannot be one. */
export const periodRange = (fromText: string, toText: string, max = MAX_PERIODS): string[] => {
  const from = parseEnd('--from', fromText);
  const to = parseEnd('--to', toText);
  if (from.kind !== to.kind) {
    throw new UsageError(
      `--from ${from.text} is a ${from.kind} but --to ${to.text} a ${to.kind}: give both in weeks, months or quarters`,
    );
  }
  if (from.start > to.start) throw new UsageError(`--from ${from.text} comes after --to ${to.text}`);
  const periods: string[] = [];
  for (let period: Period | null = from; period && period.start <= to.start; period = nextPeriod(period)) {
    if (periods.length === max) {
      throw new UsageError(
        `${from.text}..${to.text} is more than ${max} ${KINDS[from.kind]}: ask for a shorter range`,
      );
    }
    periods.push(period.text);
  }
  return periods;
};
