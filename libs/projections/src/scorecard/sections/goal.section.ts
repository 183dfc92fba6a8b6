import type { Period } from '#domain';
import type { SqlQueryable } from '#event-store';
import type { Scorecard } from '../scorecard.js';

/** The latest SetSharedGoal for the period known at asOf, whatever its business time. */
export const readGoal = async (
  db: SqlQueryable,
  period: Period,
  known: string,
): Promise<Scorecard['goal']> => {
  const [row] = await db.query<{
    amount: string;
    detail: { currency: string; leadFollowUpSlaHours: number; revision: number };
  }>(
    `SELECT amount, detail FROM rm_scorecard_facts
     WHERE kind = 'goal-set' AND subject = $1 AND recorded_at <= $2::timestamptz ORDER BY position DESC LIMIT 1`,
    [period.text, known],
  );
  if (!row) return null;
  const { currency, leadFollowUpSlaHours, revision } = row.detail;
  return { revenueTarget: Number(row.amount), currency, leadFollowUpSlaHours, revision };
};
