import type { DemoSitting } from './demo-call.js';
import { demoClock, seededDice } from './demo-clock.js';
import { type Timed, newContext } from './demo-context.js';
import { runCampaigns } from './demo-campaigns.js';
import { runDeals } from './demo-deals.js';
import { runHuddles } from './demo-huddles.js';
import { runLeads } from './demo-leads.js';
import { runObjections } from './demo-objections.js';
import { runRetros } from './demo-retros.js';
import { DEMO_PEOPLE, registerRoster, setSharedGoals } from './demo-roster.js';
import { runCelebrations } from './demo-wins.js';

export type { DemoCall, DemoSitting } from './demo-call.js';
export { DEMO_PEOPLE } from './demo-roster.js';
export { DEMO_WEEKS, demoWindowStart } from './demo-clock.js';

/** What happened by `now`, in business-time order (a stable sort: what was built first goes first). */
const upTo = (timeline: readonly Timed[], now: Date) =>
  timeline
    .filter(({ at }) => at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ call }) => call);

/**
 * Twelve weeks of a sales and a marketing team, ending with the week holding
 * `now`, as the commands their tools would post: first the bulk in
 * business-time order (the roster's joiners, campaigns and launch rosters
 * depend on it), then the facts recorded late — a CRM backfill of deals,
 * objections and call logs imported weeks after, a huddle written up a week
 * late — which change the scorecards of weeks already past. Seeded by the
 * window's first day, so the same `now` (indeed the same week) gives the
 * same history, cut at `now`.
 */
export const demoHistory = (now: Date): DemoSitting[] => {
  const clock = demoClock(now);
  const context = newContext(clock, seededDice(Math.floor(clock.start.getTime() / 86_400_000)), DEMO_PEOPLE);
  // Each part reads what the ones before it built: campaigns before leads, accepted leads before deals.
  registerRoster(context);
  setSharedGoals(context);
  runCampaigns(context);
  runObjections(context);
  runLeads(context);
  runDeals(context);
  runHuddles(context);
  runCelebrations(context);
  runRetros(context);
  return [
    { label: 'the history', calls: upTo(context.bulk, now) },
    { label: 'facts recorded late', calls: upTo(context.late, now) },
  ];
};
