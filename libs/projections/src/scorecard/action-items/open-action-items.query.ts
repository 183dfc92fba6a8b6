import type { ReadModelQuery } from '../../runner/read-model-query.js';
import { knownUpTo } from '../../shared/as-of.js';
import { scorecardFactsProjection } from '../scorecard-facts.projection.js';

/** An action item agreed at a huddle or a retro and not done by T. */
export interface OpenActionItem {
  /** `huddle/<huddleId>/<actionItemId>` or `retro/<retroId>/<actionItemId>`. */
  subject: string;
  source: 'huddle' | 'retro';
  sourceId: string;
  actionItemId: string;
  description: string;
  /** A person id. */
  owner: string;
  /** When it was agreed (the huddle held, the retro closed). */
  openedAt: string;
  /** The end of its due date (UTC). */
  dueAt: string;
  /** Due before T. */
  overdue: boolean;
  /** The event that opened it. */
  position: number;
}

interface Row {
  subject: string;
  occurred_at: Date;
  due_at: Date;
  person_id: string;
  detail: { description: string };
  position: string;
  total: string;
}

/** The items opened by T (business time, known at asOf) and not completed by T, the earliest due first, at most `limit`; and how many there are. */
export const openActionItemsQuery: ReadModelQuery<
  { limit: number },
  { total: number; items: OpenActionItem[] }
> = {
  reads: [scorecardFactsProjection],
  run: async (db, { limit }, { asOf, now }) => {
    const t = (asOf ?? now).toISOString();
    const rows = await db.query<Row>(
      `SELECT i.subject, i.occurred_at, i.due_at, i.person_id, i.detail, i.position, count(*) OVER () AS total
       FROM rm_scorecard_facts i
       WHERE i.kind = 'action-item-opened' AND i.occurred_at <= $1::timestamptz AND i.recorded_at <= $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM rm_scorecard_facts c
           WHERE c.kind = 'action-item-completed' AND c.subject = i.subject
             AND c.occurred_at <= $1::timestamptz AND c.recorded_at <= $2::timestamptz)
       ORDER BY i.due_at, i.subject LIMIT $3`,
      [t, knownUpTo(asOf), limit],
    );
    const items = rows.map((row) => {
      const [source, sourceId, actionItemId] = row.subject.split('/') as ['huddle' | 'retro', string, string];
      return {
        subject: row.subject,
        source,
        sourceId,
        actionItemId,
        description: row.detail.description,
        owner: row.person_id,
        openedAt: row.occurred_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        overdue: row.due_at.getTime() <= Date.parse(t),
        position: Number(row.position),
      };
    });
    return { total: Number(rows[0]?.total ?? 0), items };
  },
};
