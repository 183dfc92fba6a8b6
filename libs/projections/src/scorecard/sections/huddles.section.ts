import type { Scorecard } from '../scorecard.js';
import { weeklyCadence } from '../weekly-cadence.js';
import { JOINT_HUDDLE_DAYS } from '../scorecard-daily.js';
import type { ScorecardScope } from './scorecard-scope.js';

export const readHuddles = async ({
  db,
  bounds,
  counts,
  period,
  t,
}: ScorecardScope): Promise<Scorecard['huddles']> => {
  const days = await db.query<{ day: Date }>(JOINT_HUDDLE_DAYS, bounds);
  return {
    held: counts.count('huddle-held').n,
    joint: counts.count('huddle-held', { flag: true }).n,
    weeklyCadence: weeklyCadence(
      period,
      days.map((row) => row.day),
      t,
    ),
  };
};
