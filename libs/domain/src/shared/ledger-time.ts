/**
 * The span of business time the ledger records: from 1970-01-01T00:00:00Z up
 * to (not including) 2200-01-01T00:00:00Z, UTC. A date outside it is a typo or
 * a placeholder ("9999-12-31" for "no due date"), and some such dates cannot
 * even be stored (PostgreSQL has no year 0, nor years past 9999 once a day is
 * added): so every date, instant and period is refused outside it.
 */
export const LEDGER_FIRST_YEAR = 1970;
export const LEDGER_LAST_YEAR = 2199;

/** The first instant the ledger records, inclusive. */
export const LEDGER_EARLIEST_INSTANT = '1970-01-01T00:00:00.000Z';
/** The last instant the ledger records, inclusive (millisecond precision). */
export const LEDGER_LATEST_INSTANT = '2199-12-31T23:59:59.999Z';

const EARLIEST_MS = Date.parse(LEDGER_EARLIEST_INSTANT);
const LATEST_MS = Date.parse(LEDGER_LATEST_INSTANT);

/** A calendar year the ledger records facts in. */
export const isLedgerYear = (year: number): boolean =>
  Number.isInteger(year) && year >= LEDGER_FIRST_YEAR && year <= LEDGER_LAST_YEAR;

/** Milliseconds since the epoch within the ledger's span (NaN is not). */
export const isLedgerTime = (epochMs: number): boolean => epochMs >= EARLIEST_MS && epochMs <= LATEST_MS;
