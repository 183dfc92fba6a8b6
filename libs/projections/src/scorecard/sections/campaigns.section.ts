import type { Scorecard } from '../scorecard.js';
import { inPeriod, ratio } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

/**
 * Briefing coverage: distinct reps who acknowledged by T, over the sales
 * roster at each launch, summed over the period's launches that know their
 * roster size (those recorded before it was, schema v1, are left out).
 */
export const readCampaigns = async ({
  db,
  bounds,
  counts,
  t,
}: ScorecardScope): Promise<Scorecard['campaigns']> => {
  const [{ n: acknowledgingReps }] = await db.query<{ n: string }>(
    `SELECT count(DISTINCT (subject, person_id)) AS n FROM rm_scorecard_facts
     WHERE kind = 'briefing-acknowledged' AND occurred_at <= $4::timestamptz AND recorded_at <= $3::timestamptz
       AND subject IN (
         SELECT subject FROM rm_scorecard_facts
         WHERE kind = 'campaign-launched' AND roster_size IS NOT NULL AND ${inPeriod()})`,
    [...bounds, t.toISOString()],
  );
  const launched = counts.count('campaign-launched');
  return {
    launched: launched.n,
    reviewedBeforeLaunch: counts.count('campaign-launched', { flag: true }).n,
    briefingCoverage: ratio(Number(acknowledgingReps), launched.rosterSize),
    blindsides: counts.count('blindside-reported').n,
  };
};
