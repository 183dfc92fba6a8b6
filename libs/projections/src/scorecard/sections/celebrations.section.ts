import type { Scorecard } from '../scorecard.js';
import type { ScorecardScope } from './scorecard-scope.js';

export const readCelebrations = ({ counts }: ScorecardScope): Scorecard['celebrations'] => ({
  joint: counts.count('win-celebrated', { flag: true }).n,
});
