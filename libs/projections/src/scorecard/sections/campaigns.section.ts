import type { Scorecard } from '../scorecard.js';
import { inPeriod, ratio } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

/**
 * The acknowledgements briefing coverage counts (`a`): by T ($4), as known at
 * asOf, of the period's launches that know their roster size.
 */
export const ACKNOWLEDGEMENTS = `FROM rm_scorecard_facts a
     WHERE a.kind = 'briefing-acknowledged' AND a.occurred_at <= $4::timestamptz AND a.recorded_at <= $3::timestamptz
       AND a.subject IN (
         SELECT subject FROM rm_scorecard_facts
         WHERE kind = 'campaign-launched' AND roster_size IS NOT NULL AND ${inPeriod()})`;

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
    // DISTINCT over the two columns may hash them; count(DISTINCT (row)) always sorts whole records.
    `SELECT count(*) AS n FROM (SELECT DISTINCT a.subject, a.person_id ${ACKNOWLEDGEMENTS}) acknowledging`,
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
