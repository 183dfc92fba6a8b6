import type { SqlQueryable } from '#event-store';
import { liveContentAt } from '../content/live-content.js';
import { contentProjection } from '../content/content.projection.js';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import { objectionGapsProjection } from './objection-gaps.projection.js';

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
    `SELECT content_id, category, title FROM rm_content WHERE ${liveContentAt('$1', '$2')} ORDER BY content_id`,
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

/** Objection gaps over the configured taxonomy: objections, and the content that answers them. */
export const objectionGapsQuery: ReadModelQuery<{ taxonomy: readonly string[] }, ObjectionGap[]> = {
  reads: [objectionGapsProjection, contentProjection],
  run: (db, { taxonomy }, at) => readObjectionGaps(db, taxonomy, at),
};
