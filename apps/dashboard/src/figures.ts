import type { Scorecard } from '#client';
import type { EvidenceMetric } from './tiles.js';

/** Every figure GetScorecardEvidence lists, in the order of the scorecard: a missing one fails to compile. */
const LABELS: Record<EvidenceMetric, string> = {
  'revenue.won': 'Revenue won',
  'revenue.campaignInfluenced': 'Revenue won, campaign-influenced',
  'deals.won': 'Deals won',
  'deals.lost': 'Deals lost',
  'leads.handedOff': 'Leads handed off',
  'leads.withinSla': 'Leads followed up within SLA',
  'leads.breached': 'Leads past their SLA',
  'leads.accepted': 'Leads accepted',
  'leads.rejected': 'Leads rejected',
  'campaigns.launched': 'Campaigns launched',
  'campaigns.reviewedBeforeLaunch': 'Launches reviewed by sales first',
  'campaigns.blindsides': 'Blindsides reported',
  'campaigns.briefingCoverage': 'Briefing acknowledgements counted by coverage',
  'objections.logged': 'Objections logged',
  'objections.coverage': 'Objections with live content',
  'huddles.held': 'Huddles held',
  'huddles.joint': 'Joint huddles',
  'actionItems.opened': 'Action items opened',
  'actionItems.completed': 'Action items completed',
  'actionItems.overdue': 'Action items overdue',
  'celebrations.joint': 'Joint celebrations',
  'blame.flagged': 'Blame-flagged notes',
};

/** Ratios: their evidence is their numerator's facts, and their figure is no count. */
const RATIOS: readonly EvidenceMetric[] = ['campaigns.briefingCoverage', 'objections.coverage'];

/** The figures that count facts (or sum money): each is the total of its evidence. */
export const COUNTED_FIGURES = (Object.keys(LABELS) as EvidenceMetric[]).filter((m) => !RATIOS.includes(m));

export const metricLabel = (metric: EvidenceMetric): string => LABELS[metric];

export const isMoney = (metric: EvidenceMetric): boolean => metric.startsWith('revenue.');

/** A figure of the card by its path ("leads.breached"). */
export const figureOf = (card: Scorecard, metric: EvidenceMetric): number => {
  const [section, name] = metric.split('.') as [keyof Scorecard, string];
  const value = (card[section] as unknown as Record<string, unknown>)[name];
  if (typeof value !== 'number') throw new Error(`the scorecard has no figure ${metric}`);
  return value;
};
