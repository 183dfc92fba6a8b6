import type { Scorecard } from '../scorecard.js';
import { ratio } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

export const readDeals = ({ counts }: ScorecardScope): Scorecard['deals'] => {
  const won = counts.count('deal-closed', { code: 'won' }).n;
  const lost = counts.count('deal-closed', { code: 'lost' }).n;
  return { won, lost, winRate: ratio(won, won + lost) };
};
