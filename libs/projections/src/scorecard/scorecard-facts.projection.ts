import {
  type CampaignEvent,
  type CelebrationEvent,
  type DealEvent,
  type GoalEvent,
  type HuddleEvent,
  type LeadEvent,
  type LedgerEvent,
  type ObjectionEvent,
  type RetroEvent,
  blameFlaggedEventTypes,
  businessTimeOf,
  isBlameFlagged,
  isJoint,
  upcastStored,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../runner/projection.js';
import { type FactMap, factsOf, mappedTypes } from '../shared/fact-map.js';
import { insertRows } from '../shared/insert-rows.js';
import { type ScorecardFact, rowOf } from './scorecard-fact.js';

type ScorecardEvent =
  | CampaignEvent
  | CelebrationEvent
  | DealEvent
  | GoalEvent
  | HuddleEvent
  | LeadEvent
  | ObjectionEvent
  | RetroEvent;

/** A fact before it is given its business time (which the event as a whole decides). */
type Facts = ScorecardFact extends infer F ? (F extends unknown ? Omit<F, 'occurredAt'> : never) : never;

const DAY_MS = 86_400_000;
/** A due date is due until the end of that UTC day. */
const endOfDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString();

/** What each event counts as on the scorecard (blame flags are counted for every event, below). */
const scorecardFacts: FactMap<ScorecardEvent, Facts> = {
  SharedGoalSet: ({ data }) => [
    {
      kind: 'goal-set',
      subject: data.period,
      revenueTarget: data.revenueTarget,
      currency: data.currency,
      leadFollowUpSlaHours: data.leadFollowUpSlaHours,
      revision: data.revision,
    },
  ],
  DealRecorded: ({ data }) => [
    {
      kind: 'deal-closed',
      subject: data.dealId,
      outcome: data.outcome,
      amount: data.amount,
      campaignInfluenced: data.campaignIds.length > 0,
    },
  ],
  LeadHandedOff: ({ data }) => [{ kind: 'lead-handed-off', subject: data.leadId }],
  LeadFollowedUp: ({ data }) => [{ kind: 'lead-followed-up', subject: data.leadId }],
  LeadAccepted: ({ data }) => [{ kind: 'lead-accepted', subject: data.leadId }],
  LeadRejected: ({ data }) => [{ kind: 'lead-rejected', subject: data.leadId, reasonCode: data.reasonCode }],
  CampaignProposed: null,
  CampaignReviewed: null,
  CampaignLaunched: ({ data }) => [
    {
      kind: 'campaign-launched',
      subject: data.campaignId,
      reviewedBySales: data.reviewedBySales,
      salesRosterSize: data.salesRosterSize,
    },
  ],
  BriefingAcknowledged: ({ data }) => [
    { kind: 'briefing-acknowledged', subject: data.campaignId, personId: data.acknowledgedBy },
  ],
  BlindsideReported: ({ data }) => [{ kind: 'blindside-reported', subject: data.campaignId }],
  CampaignEnded: null,
  ObjectionLogged: ({ data }) => [
    { kind: 'objection-logged', subject: data.objectionId, category: data.category },
  ],
  HuddleHeld: ({ data }) => [
    { kind: 'huddle-held', subject: data.huddleId, joint: isJoint(data.attendees) },
    ...data.actionItems.map((item): Facts => ({
      kind: 'action-item-opened',
      subject: `huddle/${data.huddleId}/${item.actionItemId}`,
      dueAt: endOfDay(item.dueDate),
    })),
  ],
  ActionItemCompleted: ({ data }) => [
    { kind: 'action-item-completed', subject: `huddle/${data.huddleId}/${data.actionItemId}` },
  ],
  RetroOpened: null,
  RetroNoteAdded: null,
  RetroClosed: ({ data }) =>
    data.actionItems.map((item) => ({
      kind: 'action-item-opened',
      subject: `retro/${data.retroId}/${item.actionItemId}`,
      dueAt: endOfDay(item.dueDate),
    })),
  RetroActionItemCompleted: ({ data }) => [
    { kind: 'action-item-completed', subject: `retro/${data.retroId}/${data.actionItemId}` },
  ],
  WinCelebrated: ({ data }) => [
    { kind: 'win-celebrated', subject: data.celebrationId, joint: isJoint(data.attendees) },
  ],
};

/** The facts an event becomes at its business time, a blame-flagged one also counted as blame. */
const scorecardFactsOf = (recorded: RecordedEvent): ScorecardFact[] => {
  const event = upcastStored(recorded) as LedgerEvent;
  const facts: Facts[] = factsOf(scorecardFacts, recorded, event);
  if (isBlameFlagged(event)) {
    facts.push({ kind: 'blame-flagged', subject: recorded.type });
  }
  const occurredAt = businessTimeOf(event, recorded.metadata.occurredAt);
  return facts.map((fact) => ({ ...fact, occurredAt }) as ScorecardFact);
};

const COLUMNS = [
  'position',
  'kind',
  'subject',
  'occurred_at',
  'recorded_at',
  'person_id',
  'code',
  'amount',
  'flag',
  'roster_size',
  'due_at',
  'detail',
];

/**
 * One row per fact a scorecard counts (see scorecard-fact.ts), so that one
 * grouped scan of a period answers most of the card. Version 2: one meaning
 * per column (a launch's roster size and a goal's currency had borrowed others).
 */
export const scorecardFactsProjection: Projection = {
  name: 'scorecard-facts',
  version: 2,
  tables: ['rm_scorecard_facts'],
  eventTypes: [...new Set([...mappedTypes(scorecardFacts), ...blameFlaggedEventTypes])],

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_scorecard_facts')} (
      position bigint NOT NULL,
      kind text NOT NULL,
      subject text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      person_id text,
      code text,
      amount bigint,
      flag boolean,
      roster_size integer,
      due_at timestamptz,
      detail jsonb,
      PRIMARY KEY (position, kind, subject)
    )`);
    // A period's facts are a range of this index; the included columns let the
    // grouped count be answered from the index alone.
    await db.query(
      `CREATE INDEX ON ${t('rm_scorecard_facts')} (kind, occurred_at) INCLUDE (recorded_at, code, flag, amount, roster_size)`,
    );
    await db.query(`CREATE INDEX ON ${t('rm_scorecard_facts')} (kind, subject)`);
  },

  async apply(tx, events, t) {
    const rows = events.flatMap((recorded) =>
      scorecardFactsOf(recorded).map((fact) => {
        const row = rowOf(fact);
        return [
          recorded.globalPosition,
          fact.kind,
          fact.subject,
          fact.occurredAt,
          recorded.metadata.recordedAt,
          row.person_id,
          row.code,
          row.amount,
          row.flag,
          row.roster_size,
          row.due_at,
          row.detail === null ? null : JSON.stringify(row.detail),
        ];
      }),
    );
    await insertRows(tx, t('rm_scorecard_facts'), COLUMNS, rows);
  },
};
