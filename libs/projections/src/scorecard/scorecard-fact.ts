/**
 * One fact a scorecard counts, by kind. Every fact has a subject (what it is
 * about) and a business time (`occurredAt`, the time it is bucketed by).
 */
export type ScorecardFact = { subject: string; occurredAt: string } & (
  | {
      kind: 'goal-set';
      revenueTarget: number;
      currency: string;
      leadFollowUpSlaHours: number;
      revision: number;
    }
  | { kind: 'deal-closed'; outcome: 'won' | 'lost'; amount: number; campaignInfluenced: boolean }
  | { kind: 'lead-handed-off' }
  | { kind: 'lead-followed-up' }
  | { kind: 'lead-accepted' }
  | { kind: 'lead-rejected'; reasonCode: string }
  /** salesRosterSize is null on launches recorded before it was (schema v1). */
  | { kind: 'campaign-launched'; reviewedBySales: boolean; salesRosterSize: number | null }
  | { kind: 'briefing-acknowledged'; personId: string }
  | { kind: 'blindside-reported' }
  | { kind: 'objection-logged'; category: string }
  | { kind: 'huddle-held'; joint: boolean }
  /** Due until the end of the due date (UTC); the owner is a person id. */
  | { kind: 'action-item-opened'; dueAt: string; owner: string; description: string }
  | { kind: 'action-item-completed' }
  | { kind: 'win-celebrated'; joint: boolean }
  /** An event whose free text was flagged as blame; the subject is what the event is about (a deal, a huddle…). */
  | { kind: 'blame-flagged' }
);

export type ScorecardFactKind = ScorecardFact['kind'];

/** Every kind of fact, for documents and checks: a kind left out fails to compile. */
const KINDS: Record<ScorecardFactKind, true> = {
  'goal-set': true,
  'deal-closed': true,
  'lead-handed-off': true,
  'lead-followed-up': true,
  'lead-accepted': true,
  'lead-rejected': true,
  'campaign-launched': true,
  'briefing-acknowledged': true,
  'blindside-reported': true,
  'objection-logged': true,
  'huddle-held': true,
  'action-item-opened': true,
  'action-item-completed': true,
  'win-celebrated': true,
  'blame-flagged': true,
};
export const SCORECARD_FACT_KINDS = Object.keys(KINDS) as ScorecardFactKind[];

/**
 * The typed columns of rm_scorecard_facts, each with one meaning whatever the
 * kind: `code` is what a kind is counted by (an outcome, a category, a reason),
 * `amount` money in minor units, `flag` the yes/no a kind is counted by,
 * `roster_size` a head count, `due_at` a deadline, `detail` what no metric groups by.
 */
interface ScorecardFactRow {
  person_id: string | null;
  code: string | null;
  amount: number | null;
  flag: boolean | null;
  roster_size: number | null;
  due_at: string | null;
  detail: object | null;
}

const EMPTY: ScorecardFactRow = {
  person_id: null,
  code: null,
  amount: null,
  flag: null,
  roster_size: null,
  due_at: null,
  detail: null,
};

export const rowOf = (fact: ScorecardFact): ScorecardFactRow => {
  switch (fact.kind) {
    case 'goal-set': {
      const { revenueTarget, currency, leadFollowUpSlaHours, revision } = fact;
      return { ...EMPTY, amount: revenueTarget, detail: { currency, leadFollowUpSlaHours, revision } };
    }
    case 'deal-closed':
      return { ...EMPTY, code: fact.outcome, amount: fact.amount, flag: fact.campaignInfluenced };
    case 'lead-rejected':
      return { ...EMPTY, code: fact.reasonCode };
    case 'campaign-launched':
      return { ...EMPTY, flag: fact.reviewedBySales, roster_size: fact.salesRosterSize };
    case 'briefing-acknowledged':
      return { ...EMPTY, person_id: fact.personId };
    case 'objection-logged':
      return { ...EMPTY, code: fact.category };
    case 'huddle-held':
    case 'win-celebrated':
      return { ...EMPTY, flag: fact.joint };
    case 'action-item-opened':
      return {
        ...EMPTY,
        due_at: fact.dueAt,
        person_id: fact.owner,
        detail: { description: fact.description },
      };
    case 'lead-handed-off':
    case 'lead-followed-up':
    case 'lead-accepted':
    case 'blindside-reported':
    case 'action-item-completed':
    case 'blame-flagged':
      return EMPTY;
  }
};
