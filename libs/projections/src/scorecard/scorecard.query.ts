import type { Period } from '#domain';
import type { SqlQueryable } from '#event-store';
import { contentProjection } from '../content/content.projection.js';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import type { Scorecard } from './scorecard.js';
import { scorecardFactsProjection } from './scorecard-facts.projection.js';
import { readActionItems } from './sections/action-items.section.js';
import { readBlame } from './sections/blame.section.js';
import { readCampaigns } from './sections/campaigns.section.js';
import { readCelebrations } from './sections/celebrations.section.js';
import { readDeals } from './sections/deals.section.js';
import { FactCounts } from './sections/fact-counts.js';
import { readGoal } from './sections/goal.section.js';
import { readHuddles } from './sections/huddles.section.js';
import { readLeads } from './sections/leads.section.js';
import { readObjections } from './sections/objections.section.js';
import { readRevenue } from './sections/revenue.section.js';
import type { ScorecardScope } from './sections/scorecard-scope.js';

/**
 * The card for one period as the ledger knew it at T. Facts are bucketed by
 * business time; only those recorded at or before asOf count. Each section
 * has a reader of its own (sections/), sharing one grouped scan of the period.
 */
export const readScorecard = async (
  db: SqlQueryable,
  period: Period,
  { asOf, now, currency }: AsOf & { currency: string },
): Promise<Scorecard> => {
  const t = asOf ?? now;
  const known = knownUpTo(asOf);
  const bounds: ScorecardScope['bounds'] = [period.start, period.end, known];
  const [counts, goal] = await Promise.all([FactCounts.of(db, bounds), readGoal(db, period, known)]);
  const scope: ScorecardScope = { db, period, t, known, bounds, counts, goal, currency };
  // Independent statements: on a PostgreSQL pool they run side by side (PGlite queues them on its one connection).
  const [leads, campaigns, objections, huddles, actionItems] = await Promise.all([
    readLeads(scope),
    readCampaigns(scope),
    readObjections(scope),
    readHuddles(scope),
    readActionItems(scope),
  ]);
  return {
    period: period.text,
    from: period.start,
    to: period.end,
    at: t.toISOString(),
    goal,
    revenue: readRevenue(scope),
    deals: readDeals(scope),
    leads,
    campaigns,
    objections,
    huddles,
    actionItems,
    celebrations: readCelebrations(scope),
    blame: readBlame(scope),
  };
};

/** The shared scorecard of a period: its facts, and the content live for objection coverage. */
export const scorecardQuery: ReadModelQuery<{ period: Period; currency: string }, Scorecard> = {
  reads: [scorecardFactsProjection, contentProjection],
  run: (db, { period, currency }, at) => readScorecard(db, period, { ...at, currency }),
};
