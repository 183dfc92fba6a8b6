import { liveCategories } from '../../content/live-content.js';
import type { Scorecard } from '../scorecard.js';
import { ratio } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

/** Coverage: the share of the period's objections whose category has content live at T (content model). */
export const readObjections = async ({
  db,
  counts,
  t,
  known,
}: ScorecardScope): Promise<Scorecard['objections']> => {
  const live = await liveCategories(db, t, known);
  const logged = counts.count('objection-logged').n;
  const byCategory = counts.byCode('objection-logged');
  const covered = live.reduce((sum, category) => sum + (byCategory[category] ?? 0), 0);
  return { logged, byCategory, coverage: ratio(covered, logged) };
};
