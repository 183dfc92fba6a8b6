import { isLedgerTime, isLedgerYear } from './ledger-time.js';

/**
 * Reporting periods (ISO week, calendar month, quarter) and the strict
 * date/instant parsing the domain needs, within the ledger's years
 * (1970–2199, see ledger-time.ts). All in UTC; no clock.
 */
type PeriodKind = 'week' | 'month' | 'quarter';

export interface Period {
  kind: PeriodKind;
  text: string;
  /** UTC ISO instant, inclusive. */
  start: string;
  /** UTC ISO instant, exclusive. */
  end: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a calendar day; month is 0-based and may overflow. Safe for years < 100. */
const utcDay = (year: number, month: number, day: number): Date => {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
};

const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

/** Monday 0 … Sunday 6. */
const isoWeekday = (date: Date): number => (date.getUTCDay() + 6) % 7;

/** Monday of ISO week 1: the week that holds the year's first Thursday (and 4 January). */
const isoWeekOneStart = (year: number): Date => {
  const january4 = utcDay(year, 0, 4);
  return addDays(january4, -isoWeekday(january4));
};

/** 53 when the year starts or ends on a Thursday, otherwise 52. */
export const isoWeeksInYear = (year: number): number =>
  utcDay(year, 0, 1).getUTCDay() === 4 || utcDay(year, 11, 31).getUTCDay() === 4 ? 53 : 52;

const daysInMonth = (year: number, month: number): number => utcDay(year, month + 1, 0).getUTCDate();

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const period = (kind: PeriodKind, text: string, start: Date, end: Date): Period => ({
  kind,
  text,
  start: start.toISOString(),
  end: end.toISOString(),
});

/** `YYYY-Www` (ISO week), `YYYY-MM` or `YYYY-Qn` of a year 1970–2199; null for anything else. */
export const parsePeriod = (text: string): Period | null => {
  if (!isLedgerYear(Number(/^(\d{4})-/.exec(text)?.[1]))) return null;
  const week = /^(\d{4})-W(\d{2})$/.exec(text);
  if (week) {
    const year = Number(week[1]);
    const weekNumber = Number(week[2]);
    if (weekNumber < 1 || weekNumber > isoWeeksInYear(year)) return null;
    const start = addDays(isoWeekOneStart(year), (weekNumber - 1) * 7);
    return period('week', text, start, addDays(start, 7));
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month) {
    const year = Number(month[1]);
    const index = Number(month[2]) - 1;
    return period('month', text, utcDay(year, index, 1), utcDay(year, index + 1, 1));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) {
    const year = Number(quarter[1]);
    const firstMonth = (Number(quarter[2]) - 1) * 3;
    return period('quarter', text, utcDay(year, firstMonth, 1), utcDay(year, firstMonth + 3, 1));
  }
  return null;
};

/** The text of the period of `kind` that contains the instant (UTC). Throws RangeError for a bad instant. */
export const periodOf = (kind: PeriodKind, instantIso: string): string => {
  const at = new Date(Date.parse(instantIso));
  if (Number.isNaN(at.getTime())) throw new RangeError(`${instantIso} is not an instant`);
  const year = at.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`${instantIso} is outside the years 0000-9999`);
  switch (kind) {
    case 'month':
      return `${pad(year, 4)}-${pad(at.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${pad(year, 4)}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
    case 'week': {
      // The ISO week-year is the year of the Thursday of the instant's week.
      const day = utcDay(year, at.getUTCMonth(), at.getUTCDate());
      const thursday = addDays(day, 3 - isoWeekday(day));
      const weekYear = thursday.getUTCFullYear();
      if (weekYear < 0 || weekYear > 9999)
        throw new RangeError(`${instantIso} is outside the years 0000-9999`);
      const weekNumber =
        Math.floor((thursday.getTime() - isoWeekOneStart(weekYear).getTime()) / (7 * DAY_MS)) + 1;
      return `${pad(weekYear, 4)}-W${pad(weekNumber)}`;
    }
  }
};

/** A real calendar date written `YYYY-MM-DD` (no 30 February), of a year 1970–2199. */
export const isCalendarDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || !isLedgerYear(Number(match[1]))) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month - 1);
};

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An ISO-8601 instant with a zone (`Z` or an offset), normalised to UTC
 * (`2026-03-02T09:30:00.000Z`); null when it is not one, names no real date or
 * lies outside the ledger's span (in UTC: `1970-01-01T00:30+01:00` is 1969).
 */
export const toUtcInstant = (text: string): string | null => {
  const match = INSTANT.exec(text);
  if (!match || !isCalendarDate(match[1])) return null;
  const at = Date.parse(text);
  return isLedgerTime(at) ? new Date(at).toISOString() : null;
};
