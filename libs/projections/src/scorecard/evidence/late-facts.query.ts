import type { Period } from '#domain';
import type { ReadModelQuery } from '../../runner/read-model-query.js';
import type { ScorecardFactKind } from '../scorecard-fact.js';
import { scorecardFactsProjection } from '../scorecard-facts.projection.js';
import type { EvidenceFact } from './scorecard-evidence.query.js';

/** A fact of the card recorded late, with the kind it counts as. */
export type LateFact = EvidenceFact & { kind: ScorecardFactKind };

/**
 * The facts of a period's card (business time in the period; a goal by the
 * period it is for) that happened before `since` but were recorded after it:
 * what a reader of the card at `since` could not know. Every kind, follow-ups
 * and acknowledgements too, by position.
 */
export const lateFactsQuery: ReadModelQuery<{ period: Period; since: Date }, LateFact[]> = {
  reads: [scorecardFactsProjection],
  run: async (db, { period, since }) => {
    const rows = await db.query<{
      position: string;
      kind: ScorecardFactKind;
      subject: string;
      occurred_at: Date;
      recorded_at: Date;
      amount: string | null;
    }>(
      `SELECT position, kind, subject, occurred_at, recorded_at, amount FROM rm_scorecard_facts
       WHERE occurred_at < $3::timestamptz AND recorded_at > $3::timestamptz
         AND ((kind <> 'goal-set' AND occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz)
           OR (kind = 'goal-set' AND subject = $4))
       ORDER BY position, kind, subject`,
      [period.start, period.end, since.toISOString(), period.text],
    );
    return rows.map((row) => ({
      position: Number(row.position),
      kind: row.kind,
      subject: row.subject,
      occurredAt: row.occurred_at.toISOString(),
      recordedAt: row.recorded_at.toISOString(),
      amount: row.amount === null ? null : Number(row.amount),
    }));
  },
};
