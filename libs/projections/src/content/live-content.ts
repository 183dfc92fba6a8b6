import type { SqlQueryable } from '#event-store';

/**
 * Content live at T (parameter `t`) as known at asOf (parameter `known`):
 * published by T, and not withdrawn by T, as far as the ledger knew. A
 * condition on rm_content of the content model.
 */
export const liveContentAt = (t: string, known: string): string =>
  `published_recorded_at <= ${known}::timestamptz AND published_at <= ${t}::timestamptz
   AND NOT (withdrawn_recorded_at IS NOT NULL AND withdrawn_recorded_at <= ${known}::timestamptz
            AND withdrawn_at <= ${t}::timestamptz)`;

/** The categories that have content live at T, as known at asOf. */
export const liveCategories = async (db: SqlQueryable, t: Date, known: string): Promise<string[]> =>
  (
    await db.query<{ category: string }>(
      `SELECT DISTINCT category FROM rm_content WHERE ${liveContentAt('$1', '$2')}`,
      [t.toISOString(), known],
    )
  ).map((row) => row.category);
