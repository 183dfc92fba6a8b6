import type { SqlQueryable } from '#event-store';
import type { TableName } from '../runner/projection.js';
import { insertRows } from '../shared/insert-rows.js';

/**
 * Daily rollups of the facts one grouped scan counts (sections/fact-counts.ts):
 * how many facts of a kind, code and flag happened on a day (business time,
 * UTC) and were recorded on a day (knowledge time, UTC), with their money and
 * head counts summed. Facts are never removed nor their counted columns changed, so a rollup only grows.
 * A period's counts as known at T are the rollups of the days recorded before
 * T's day, plus the facts themselves recorded on T's day up to T: exact at any
 * instant, and a quarter reads a few thousand rollups instead of every fact.
 */
export const DAILY_TABLE = 'rm_scorecard_daily';

const COLUMNS = ['kind', 'code', 'flag', 'day', 'recorded_day', 'n', 'amount', 'roster'];
const KEY = '(kind, code, flag, day, recorded_day)';

export const createDailyTable = async (db: SqlQueryable, t: TableName): Promise<void> => {
  await db.query(`CREATE TABLE ${t(DAILY_TABLE)} (
    kind text NOT NULL,
    code text,
    flag boolean,
    day date NOT NULL,
    recorded_day date NOT NULL,
    n bigint NOT NULL,
    amount bigint NOT NULL,
    roster bigint NOT NULL
  )`);
  await db.query(`CREATE UNIQUE INDEX ON ${t(DAILY_TABLE)} ${KEY} NULLS NOT DISTINCT`);
  await db.query(`CREATE INDEX ON ${t(DAILY_TABLE)} (day)`);
};

/** The part of a fact a rollup keeps. */
export interface CountedFact {
  kind: string;
  code: string | null;
  flag: boolean | null;
  occurredAt: string;
  recordedAt: string;
  amount: number | null;
  rosterSize: number | null;
}

const utcDay = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

/** Adds a batch's facts to the rollups: summed here first, one upsert for the lot. */
export const addToDailyRollups = async (
  tx: SqlQueryable,
  t: TableName,
  facts: readonly CountedFact[],
): Promise<void> => {
  const sums = new Map<string, unknown[]>();
  for (const fact of facts) {
    const key = [fact.kind, fact.code, fact.flag, utcDay(fact.occurredAt), utcDay(fact.recordedAt)];
    const id = JSON.stringify(key);
    const sum = sums.get(id) ?? [...key, 0, 0, 0];
    sum[5] = (sum[5] as number) + 1;
    sum[6] = (sum[6] as number) + (fact.amount ?? 0);
    sum[7] = (sum[7] as number) + (fact.rosterSize ?? 0);
    sums.set(id, sum);
  }
  const table = t(DAILY_TABLE);
  await insertRows(tx, table, COLUMNS, [...sums.values()], {
    onConflict: `${KEY} DO UPDATE SET n = ${table}.n + EXCLUDED.n,
      amount = ${table}.amount + EXCLUDED.amount, roster = ${table}.roster + EXCLUDED.roster`,
  });
};

/** The start of the UTC day of the knowledge bound $3 (infinity stays infinity). */
const KNOWN_DAY = `(date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

/** Rollups of the period's days [$1, $2) recorded on whole days before $3's. */
const ROLLUPS_KNOWN = `day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date
     AND recorded_day < ${KNOWN_DAY}::date`;

/** Facts of the period [$1, $2) recorded on $3's own day, up to $3. */
const FACTS_OF_KNOWN_DAY = `occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz
     AND recorded_at >= ${KNOWN_DAY} AND recorded_at <= $3::timestamptz`;

/** The facts of kinds $4 in the period known at $3, as rows of kind, code, flag, n, amount and roster. */
export const COUNTED_FACTS = `
  SELECT kind, code, flag, n, amount, roster FROM ${DAILY_TABLE} WHERE kind = ANY($4::text[]) AND ${ROLLUPS_KNOWN}
  UNION ALL
  SELECT kind, code, flag, 1, coalesce(amount, 0), coalesce(roster_size, 0) FROM rm_scorecard_facts
   WHERE kind = ANY($4::text[]) AND ${FACTS_OF_KNOWN_DAY}`;

/**
 * The days of the period on which a joint huddle was held, as known at $3 (column `day`, its UTC midnight):
 * all that the weekly cadence needs to know of them.
 */
export const JOINT_HUDDLE_DAYS = `
  SELECT (day::timestamp AT TIME ZONE 'UTC') AS day FROM ${DAILY_TABLE}
   WHERE kind = 'huddle-held' AND flag AND ${ROLLUPS_KNOWN}
  UNION
  SELECT date_trunc('day', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' FROM rm_scorecard_facts
   WHERE kind = 'huddle-held' AND flag AND ${FACTS_OF_KNOWN_DAY}`;
