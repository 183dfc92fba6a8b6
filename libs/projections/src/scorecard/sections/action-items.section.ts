import type { Scorecard } from '../scorecard.js';
import { earliestAnswer } from '../first-answers.js';
import { inPeriod } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

/**
 * Overdue: opened in the period, due before T ($4), and not completed by T as
 * known at asOf: its earliest completion known then is none, or after T. `i` names the opening fact.
 */
export const OVERDUE_ITEMS = `FROM rm_scorecard_facts i
     WHERE i.kind = 'action-item-opened' AND i.due_at <= $4::timestamptz
       AND ${inPeriod('i.')}
       AND coalesce(${earliestAnswer('i', 'action-item-opened')} > $4::timestamptz, true)`;

export const readActionItems = async ({
  db,
  bounds,
  counts,
  t,
}: ScorecardScope): Promise<Scorecard['actionItems']> => {
  const [{ n: overdue }] = await db.query<{ n: string }>(`SELECT count(*) AS n ${OVERDUE_ITEMS}`, [
    ...bounds,
    t.toISOString(),
  ]);
  return {
    opened: counts.count('action-item-opened').n,
    completed: counts.count('action-item-completed').n,
    overdue: Number(overdue),
  };
};
