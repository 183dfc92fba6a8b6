import type { Scorecard } from '#client';
import { count, minutes, money, percent } from './format.js';

/** A figure of the scorecard whose facts GetScorecardEvidence lists (its path in the answer). */
export type EvidenceMetric = NonNullable<
  import('#client').paths['/v1/scorecards/{period}/evidence']['get']['parameters']['query']
>['metric'];

/** A headline tile: its figure, how it is written, what it means, and the facts behind it. */
export interface Tile {
  id: string;
  label: string;
  /** The number plotted over the last periods; null where it cannot be computed. */
  value: (card: Scorecard) => number | null;
  display: (card: Scorecard) => string;
  /** The facts the headline counts (for a ratio, its numerator's), which clicking it opens. */
  headline?: EvidenceMetric;
  /** The figures under the headline, each opening its facts. */
  parts: (card: Scorecard) => { label: string; metric: EvidenceMetric; text: string }[];
  definition: string;
}

const currencyOf = (card: Scorecard) => card.goal?.currency ?? card.revenue.currency;

export const TILES: readonly Tile[] = [
  {
    id: 'attainment',
    label: 'Revenue won vs shared goal',
    value: (c) => c.revenue.attainment,
    display: (c) => percent(c.revenue.attainment),
    headline: 'revenue.won',
    parts: (c) => [
      { label: 'won', metric: 'revenue.won', text: money(c.revenue.won, currencyOf(c)) },
      {
        label: 'campaign-influenced',
        metric: 'revenue.campaignInfluenced',
        text: money(c.revenue.campaignInfluenced, currencyOf(c)),
      },
    ],
    definition:
      'Sum of deals won (by close date) in the period, over the shared revenue goal both teams set for it. No goal: no attainment.',
  },
  {
    id: 'win-rate',
    label: 'Win rate',
    value: (c) => c.deals.winRate,
    display: (c) => percent(c.deals.winRate),
    headline: 'deals.won',
    parts: (c) => [
      { label: 'won', metric: 'deals.won', text: count(c.deals.won) },
      { label: 'lost', metric: 'deals.lost', text: count(c.deals.lost) },
    ],
    definition: 'Deals won over deals closed (won or lost) in the period.',
  },
  {
    id: 'lead-sla',
    label: 'Lead SLA compliance',
    value: (c) => c.leads.slaCompliance,
    display: (c) => percent(c.leads.slaCompliance),
    headline: 'leads.withinSla',
    parts: (c) => [
      { label: 'within SLA', metric: 'leads.withinSla', text: count(c.leads.withinSla) },
      { label: 'breached', metric: 'leads.breached', text: count(c.leads.breached) },
      { label: 'handed off', metric: 'leads.handedOff', text: count(c.leads.handedOff) },
    ],
    definition:
      'Leads marketing handed off in the period that sales followed up within the goal’s SLA hours (24 without a goal), over those followed up or past their deadline.',
  },
  {
    id: 'median-response',
    label: 'Median lead response',
    value: (c) => c.leads.medianResponseMinutes,
    display: (c) => minutes(c.leads.medianResponseMinutes),
    parts: (c) => [{ label: 'handed off', metric: 'leads.handedOff', text: count(c.leads.handedOff) }],
    definition:
      'The median time from a lead’s handoff to its first follow-up, over the period’s followed-up leads.',
  },
  {
    id: 'briefing',
    label: 'Briefing coverage',
    value: (c) => c.campaigns.briefingCoverage,
    display: (c) => percent(c.campaigns.briefingCoverage),
    headline: 'campaigns.briefingCoverage',
    parts: (c) => [
      { label: 'launches', metric: 'campaigns.launched', text: count(c.campaigns.launched) },
      { label: 'blindsides', metric: 'campaigns.blindsides', text: count(c.campaigns.blindsides) },
    ],
    definition:
      'Reps who acknowledged the briefing of each launch in the period, over the sales roster at launch: did sales hear of the campaign before customers did?',
  },
  {
    id: 'reviewed',
    label: 'Reviewed before launch',
    value: (c) =>
      c.campaigns.launched === 0 ? null : c.campaigns.reviewedBeforeLaunch / c.campaigns.launched,
    display: (c) => `${c.campaigns.reviewedBeforeLaunch} of ${c.campaigns.launched}`,
    headline: 'campaigns.reviewedBeforeLaunch',
    parts: (c) => [
      {
        label: 'reviewed',
        metric: 'campaigns.reviewedBeforeLaunch',
        text: count(c.campaigns.reviewedBeforeLaunch),
      },
      { label: 'launched', metric: 'campaigns.launched', text: count(c.campaigns.launched) },
    ],
    definition:
      'Launches of the period that sales reviewed (endorsed or raised concerns) before they went out.',
  },
  {
    id: 'objection-coverage',
    label: 'Objection coverage',
    value: (c) => c.objections.coverage,
    display: (c) => percent(c.objections.coverage),
    headline: 'objections.coverage',
    parts: (c) => [
      { label: 'objections logged', metric: 'objections.logged', text: count(c.objections.logged) },
    ],
    definition:
      'The share of the period’s objections whose category has live content marketing published: are we answering what customers say?',
  },
  {
    id: 'huddle-cadence',
    label: 'Joint huddle cadence',
    value: (c) => c.huddles.weeklyCadence,
    display: (c) => percent(c.huddles.weeklyCadence),
    headline: 'huddles.joint',
    parts: (c) => [
      { label: 'joint huddles', metric: 'huddles.joint', text: count(c.huddles.joint) },
      { label: 'all huddles', metric: 'huddles.held', text: count(c.huddles.held) },
    ],
    definition:
      'Weeks of the period (so far) with a huddle attended by both teams, over the weeks elapsed. The cure is a weekly joint huddle.',
  },
  {
    id: 'overdue',
    label: 'Overdue action items',
    value: (c) => c.actionItems.overdue,
    display: (c) => count(c.actionItems.overdue),
    headline: 'actionItems.overdue',
    parts: (c) => [
      { label: 'overdue', metric: 'actionItems.overdue', text: count(c.actionItems.overdue) },
      { label: 'opened', metric: 'actionItems.opened', text: count(c.actionItems.opened) },
      { label: 'completed', metric: 'actionItems.completed', text: count(c.actionItems.completed) },
    ],
    definition:
      'Action items opened in the period (huddles, retros), due before T (now, or the as-of instant) and not completed by then.',
  },
  {
    id: 'celebrations',
    label: 'Joint celebrations',
    value: (c) => c.celebrations.joint,
    display: (c) => count(c.celebrations.joint),
    headline: 'celebrations.joint',
    parts: (c) => [{ label: 'joint', metric: 'celebrations.joint', text: count(c.celebrations.joint) }],
    definition: 'Wins celebrated with people of both teams present: shared credit for shared results.',
  },
];
