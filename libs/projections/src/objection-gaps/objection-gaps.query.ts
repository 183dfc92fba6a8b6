import type { SqlQueryable } from '#event-store';
import { type AsOf, knownUpTo } from '../shared/as-of.js';

export interface ObjectionGap {
  category: string;
  /** Objections with business time in (T − 28 days, T]. */
  last28Days: number;
  /** Objections with business time in (T − 56 days, T − 28 days]. */
  previous28Days: number;
  /** Content published at or before T and not withdrawn by T. */
  liveContent: { contentId: string; title: string }[];
  gap: boolean;
}

/**
 * Content live at T (parameter `t`) as known at asOf (parameter `known`):
 * published by T, and not withdrawn by T, as far as the ledger knew.
 */
export const liveContentAt = (t: string, known: string): string =>
  `published_recorded_at <= ${known}::timestamptz AND published_at <= ${t}::timestamptz
   AND NOT (withdrawn_recorded_at IS NOT NULL AND withdrawn_recorded_at <= ${known}::timestamptz
            AND withdrawn_at <= ${t}::timestamptz)`;

/**
 * Per category of the taxonomy (and any other category heard in the 56 days): gaps — no live
 * content — first, then by count in the last 28 days, then by name.
 */
export const readObjectionGaps = async (
  db: SqlQueryable,
  taxonomy: readonly string[],
  { asOf, now }: AsOf,
): Promise<ObjectionGap[]> => {
  const t = (asOf ?? now).toISOString();
  const known = knownUpTo(asOf);
  const counts = await db.query<{ category: string; last28: string; previous28: string }>(
    `SELECT category,
       count(*) FILTER (WHERE occurred_at > $1::timestamptz - interval '28 days' AND occurred_at <= $1::timestamptz) AS last28,
       count(*) FILTER (WHERE occurred_at > $1::timestamptz - interval '56 days'
                          AND occurred_at <= $1::timestamptz - interval '28 days') AS previous28
     FROM rm_objection_facts
     WHERE occurred_at > $1::timestamptz - interval '56 days' AND occurred_at <= $1::timestamptz
       AND recorded_at <= $2::timestamptz
     GROUP BY category`,
    [t, known],
  );
  const content = await db.query<{ content_id: string; category: string; title: string }>(
    `SELECT content_id, category, title FROM rm_content_facts WHERE ${liveContentAt('$1', '$2')} ORDER BY content_id`,
    [t, known],
  );
  const categories = [...new Set([...taxonomy, ...counts.map((c) => c.category)])];
  const gaps = categories.map((category) => {
    const count = counts.find((c) => c.category === category);
    const liveContent = content
      .filter((c) => c.category === category)
      .map((c) => ({ contentId: c.content_id, title: c.title }));
    return {
      category,
      last28Days: Number(count?.last28 ?? 0),
      previous28Days: Number(count?.previous28 ?? 0),
      liveContent,
      gap: liveContent.length === 0,
    };
  });
  return gaps.sort(
    (a, b) =>
      Number(b.gap) - Number(a.gap) || b.last28Days - a.last28Days || a.category.localeCompare(b.category),
  );
};
