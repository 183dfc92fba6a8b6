import type { Scorecard } from '../scorecard.js';
import { weeklyCadence } from '../weekly-cadence.js';
import { inPeriod } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

export const readHuddles = async ({
  db,
  bounds,
  counts,
  period,
  t,
}: ScorecardScope): Promise<Scorecard['huddles']> => {
  const joint = await db.query<{ occurred_at: Date }>(
    `SELECT occurred_at FROM rm_scorecard_facts WHERE kind = 'huddle-held' AND flag AND ${inPeriod()}`,
    bounds,
  );
  return {
    held: counts.count('huddle-held').n,
    joint: counts.count('huddle-held', { flag: true }).n,
    weeklyCadence: weeklyCadence(
      period,
      joint.map((h) => h.occurred_at),
      t,
    ),
  };
};
