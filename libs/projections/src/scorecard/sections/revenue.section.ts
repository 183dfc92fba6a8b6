import type { Scorecard } from '../scorecard.js';
import type { ScorecardScope } from './scorecard-scope.js';

export const readRevenue = ({ counts, goal, currency }: ScorecardScope): Scorecard['revenue'] => {
  const won = counts.count('deal-closed', { code: 'won' }).amount;
  return {
    currency,
    won,
    attainment: goal ? won / goal.revenueTarget : null,
    campaignInfluenced: counts.count('deal-closed', { code: 'won', flag: true }).amount,
  };
};
