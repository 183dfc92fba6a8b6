import type { Scorecard } from '../scorecard.js';
import type { ScorecardScope } from './scorecard-scope.js';

export const readBlame = ({ counts }: ScorecardScope): Scorecard['blame'] => ({
  flagged: counts.count('blame-flagged').n,
});
