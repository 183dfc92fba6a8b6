import type { Period } from '#domain';
import type { SqlQueryable } from '#event-store';
import { type AsOf, knownUpTo } from './as-of.js';

/**
 * The ids of a fact table's entities with a fact in the period (business
 * time) known at asOf, the latest activity first (ties by id), at most `limit`.
 */
export const activeInPeriod = async (
  db: SqlQueryable,
  { table, id, limit }: { table: string; id: string; limit: number },
  period: Period,
  { asOf }: Pick<AsOf, 'asOf'>,
): Promise<string[]> => {
  const rows = await db.query<{ id: string }>(
    `SELECT ${id} AS id FROM ${table}
     WHERE occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz AND recorded_at <= $3::timestamptz
     GROUP BY ${id} ORDER BY max(occurred_at) DESC, ${id} LIMIT ${limit}`,
    [period.start, period.end, knownUpTo(asOf)],
  );
  return rows.map((row) => row.id);
};
