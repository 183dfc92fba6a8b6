import type { ScorecardFact } from '../scorecard-fact.js';

/** A selection of the period's facts of one kind: by code and yes/no where the figure is. */
export interface FactSelector {
  kind: ScorecardFact['kind'];
  code?: string;
  flag?: boolean;
}

/** The rules of their own: leads by SLA standing, overdue items, counted acknowledgements, covered objections. */
export type EvidenceRule = 'within' | 'breached' | 'overdue' | 'acknowledgements' | 'covered';

/**
 * The figures of the scorecard that count facts, each with the facts it counts:
 * a selector of the period's facts, or a rule of its own. The money figures
 * sum the amounts of their facts; the two coverage ratios list the facts of
 * their numerator (the acknowledgements, the objections with live content).
 */
export const EVIDENCE_OF = {
  'revenue.won': { kind: 'deal-closed', code: 'won' },
  'revenue.campaignInfluenced': { kind: 'deal-closed', code: 'won', flag: true },
  'deals.won': { kind: 'deal-closed', code: 'won' },
  'deals.lost': { kind: 'deal-closed', code: 'lost' },
  'leads.handedOff': { kind: 'lead-handed-off' },
  'leads.withinSla': 'within',
  'leads.breached': 'breached',
  'leads.accepted': { kind: 'lead-accepted' },
  'leads.rejected': { kind: 'lead-rejected' },
  'campaigns.launched': { kind: 'campaign-launched' },
  'campaigns.reviewedBeforeLaunch': { kind: 'campaign-launched', flag: true },
  'campaigns.blindsides': { kind: 'blindside-reported' },
  'campaigns.briefingCoverage': 'acknowledgements',
  'objections.logged': { kind: 'objection-logged' },
  'objections.coverage': 'covered',
  'huddles.held': { kind: 'huddle-held' },
  'huddles.joint': { kind: 'huddle-held', flag: true },
  'actionItems.opened': { kind: 'action-item-opened' },
  'actionItems.completed': { kind: 'action-item-completed' },
  'actionItems.overdue': 'overdue',
  'celebrations.joint': { kind: 'win-celebrated', flag: true },
  'blame.flagged': { kind: 'blame-flagged' },
} as const satisfies Record<string, FactSelector | EvidenceRule>;

export type EvidenceMetric = keyof typeof EVIDENCE_OF;

export const EVIDENCE_METRICS = Object.keys(EVIDENCE_OF) as EvidenceMetric[];

/** The metrics whose figure is a sum of money rather than a count of facts. */
export const MONEY_METRICS: readonly EvidenceMetric[] = ['revenue.won', 'revenue.campaignInfluenced'];

/** The ratios whose evidence is the facts of their numerator. */
export const RATIO_METRICS: readonly EvidenceMetric[] = ['campaigns.briefingCoverage', 'objections.coverage'];
