import {
  type CampaignEvent,
  type CelebrationEvent,
  type DealEvent,
  type GoalEvent,
  type HuddleEvent,
  type LeadEvent,
  type ObjectionEvent,
  type RetroEvent,
  upcastStored,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../runner/projection.js';
import { blameFlaggedTypes, businessTimeOf, isJoint } from '../shared/business-time.js';
import { insertRows } from '../shared/insert-rows.js';

type ScorecardEvent =
  | CampaignEvent
  | CelebrationEvent
  | DealEvent
  | GoalEvent
  | HuddleEvent
  | LeadEvent
  | ObjectionEvent
  | RetroEvent;

/**
 * One row per fact a scorecard counts. Columns a metric aggregates are typed
 * (code, amount, flag, due_at) so that one grouped scan of a period answers
 * most of the card; occurred_at is the business time the fact is bucketed by.
 */
export interface ScorecardFact {
  kind: string;
  /** What the fact is about: a deal, lead, campaign, huddle, action item or period. */
  subject: string;
  occurredAt: string;
  personId?: string;
  code?: string;
  amount?: number;
  flag?: boolean;
  dueAt?: string;
  detail?: object;
}

const DAY_MS = 86_400_000;
/** A due date is due until the end of that UTC day. */
const endOfDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString();

const factsOf = (event: ScorecardEvent, occurredAt: string): ScorecardFact[] => {
  const at = (kind: string, subject: string, more: Partial<ScorecardFact> = {}): ScorecardFact => ({
    kind,
    subject,
    occurredAt,
    ...more,
  });
  switch (event.type) {
    case 'SharedGoalSet': {
      const { period, revenueTarget, currency, leadFollowUpSlaHours, revision } = event.data;
      return [
        at('goal', period, {
          amount: revenueTarget,
          code: currency,
          detail: { leadFollowUpSlaHours, revision },
        }),
      ];
    }
    case 'DealRecorded': {
      const { dealId, outcome, amount, campaignIds } = event.data;
      return [at('deal', dealId, { code: outcome, amount, flag: campaignIds.length > 0 })];
    }
    case 'LeadHandedOff':
      return [at('handoff', event.data.leadId)];
    case 'LeadFollowedUp':
      return [at('follow-up', event.data.leadId)];
    case 'LeadAccepted':
      return [at('lead-accepted', event.data.leadId)];
    case 'LeadRejected':
      return [at('lead-rejected', event.data.leadId, { code: event.data.reasonCode })];
    case 'CampaignLaunched': {
      const { campaignId, reviewedBySales, salesRosterSize } = event.data;
      // Launches recorded before the roster size was (schema v1) have none, and stay out of briefing coverage.
      return [at('launch', campaignId, { flag: reviewedBySales, amount: salesRosterSize ?? undefined })];
    }
    case 'BriefingAcknowledged':
      return [at('ack', event.data.campaignId, { personId: event.data.acknowledgedBy })];
    case 'BlindsideReported':
      return [at('blindside', event.data.campaignId)];
    case 'ObjectionLogged':
      return [at('objection', event.data.objectionId, { code: event.data.category })];
    case 'HuddleHeld': {
      const { huddleId, attendees, actionItems } = event.data;
      return [
        at('huddle', huddleId, { flag: isJoint(attendees) }),
        ...actionItems.map((item) =>
          at('item-opened', `huddle/${huddleId}/${item.actionItemId}`, { dueAt: endOfDay(item.dueDate) }),
        ),
      ];
    }
    case 'ActionItemCompleted':
      return [at('item-completed', `huddle/${event.data.huddleId}/${event.data.actionItemId}`)];
    case 'RetroClosed': {
      const { retroId, actionItems } = event.data;
      return actionItems.map((item) =>
        at('item-opened', `retro/${retroId}/${item.actionItemId}`, { dueAt: endOfDay(item.dueDate) }),
      );
    }
    case 'RetroActionItemCompleted':
      return [at('item-completed', `retro/${event.data.retroId}/${event.data.actionItemId}`)];
    case 'WinCelebrated':
      return [at('celebration', event.data.celebrationId, { flag: isJoint(event.data.attendees) })];
    default:
      return [];
  }
};

/** The facts an event becomes, a blame-flagged one also counted as 'blame'. */
export const scorecardFactsOf = (recorded: RecordedEvent): ScorecardFact[] => {
  const event = upcastStored(recorded) as ScorecardEvent;
  const data = event.data as unknown as Record<string, unknown>;
  const occurredAt = businessTimeOf(recorded, data);
  const facts = factsOf(event, occurredAt);
  if (data.blameFlag === true) facts.push({ kind: 'blame', subject: recorded.type, occurredAt });
  return facts;
};

export const scorecardFactsProjection: Projection = {
  name: 'scorecard-facts',
  version: 1,
  tables: ['rm_scorecard_facts'],
  eventTypes: [
    ...new Set([
      ...blameFlaggedTypes,
      'SharedGoalSet',
      'LeadHandedOff',
      'LeadFollowedUp',
      'LeadAccepted',
      'CampaignLaunched',
      'BriefingAcknowledged',
      'ActionItemCompleted',
      'RetroActionItemCompleted',
      'WinCelebrated',
    ]),
  ],

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_scorecard_facts')} (
      position bigint NOT NULL,
      kind text NOT NULL,
      subject text NOT NULL,
      person_id text,
      code text,
      amount bigint,
      flag boolean,
      due_at timestamptz,
      detail jsonb,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (position, kind, subject)
    )`);
    // A period's facts are a range of this index; the included columns let the
    // grouped count be answered from the index alone.
    await db.query(
      `CREATE INDEX ON ${t('rm_scorecard_facts')} (kind, occurred_at) INCLUDE (recorded_at, code, flag, amount)`,
    );
    await db.query(`CREATE INDEX ON ${t('rm_scorecard_facts')} (kind, subject)`);
  },

  async apply(tx, events, t) {
    const rows = events.flatMap((recorded) =>
      scorecardFactsOf(recorded).map((fact) => [
        recorded.globalPosition,
        fact.kind,
        fact.subject,
        fact.personId ?? null,
        fact.code ?? null,
        fact.amount ?? null,
        fact.flag ?? null,
        fact.dueAt ?? null,
        fact.detail === undefined ? null : JSON.stringify(fact.detail),
        fact.occurredAt,
        recorded.metadata.recordedAt,
      ]),
    );
    await insertRows(tx, t('rm_scorecard_facts'), COLUMNS, rows);
  },
};

const COLUMNS = [
  'position',
  'kind',
  'subject',
  'person_id',
  'code',
  'amount',
  'flag',
  'due_at',
  'detail',
  'occurred_at',
  'recorded_at',
];
