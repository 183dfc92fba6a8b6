import type { SqlQueryable } from '#event-store';
import type { TableName } from '../runner/projection.js';

/**
 * The facts that answer an opening fact: a lead handed off is answered by its follow-ups, an action item by
 * its completion. Each opening row keeps the earliest answer folded so far, by business time, and when that
 * one was recorded (`answered_at`, `answer_recorded_at`; null: none folded). As of K, an answer known by K is
 * the earliest known then too (any other is no earlier); one recorded after K leaves the question to the
 * facts themselves. So the card reads most answers from the opening's own row instead of a look-up each.
 */
const ANSWERED_BY = {
  'lead-handed-off': 'lead-followed-up',
  'action-item-opened': 'action-item-completed',
} as const;

/** Sets the earliest answer on the openings of the subjects a batch opened or answered. */
export const noteFirstAnswers = async (
  tx: SqlQueryable,
  t: TableName,
  facts: readonly { kind: string; subject: string }[],
): Promise<void> => {
  const table = t('rm_scorecard_facts');
  for (const [opening, answer] of Object.entries(ANSWERED_BY)) {
    const subjects = [
      ...new Set(facts.filter((f) => f.kind === opening || f.kind === answer).map((f) => f.subject)),
    ];
    if (subjects.length === 0) continue;
    await tx.query(
      `UPDATE ${table} o SET answered_at = a.occurred_at, answer_recorded_at = a.recorded_at
       FROM (SELECT DISTINCT ON (subject) subject, occurred_at, recorded_at FROM ${table}
             WHERE kind = $2 AND subject = ANY($3::text[]) ORDER BY subject, occurred_at, recorded_at) a
       WHERE o.kind = $1 AND o.subject = a.subject
         AND (o.answered_at, o.answer_recorded_at) IS DISTINCT FROM (a.occurred_at, a.recorded_at)`,
      [opening, answer, subjects],
    );
  }
};

/**
 * The earliest answer by business time, as known at $3, of `o`, a row of kind `opening`: from the row when
 * that answer was known by then, else from the answers of its subject recorded by $3.
 */
export const earliestAnswer = (o: string, opening: keyof typeof ANSWERED_BY): string =>
  `CASE WHEN ${o}.answered_at IS NULL THEN NULL
        WHEN ${o}.answer_recorded_at <= $3::timestamptz THEN ${o}.answered_at
        ELSE (SELECT min(a.occurred_at) FROM rm_scorecard_facts a
              WHERE a.kind = '${ANSWERED_BY[opening]}' AND a.subject = ${o}.subject AND a.recorded_at <= $3::timestamptz)
   END`;
