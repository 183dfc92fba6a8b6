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
import { type FactMap, factsOf, mappedTypes } from '../shared/fact-map.js';
import type { ScorecardFact } from './scorecard-fact.js';

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
      owner: item.owner,
      description: item.description,
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
      owner: item.owner,
      description: item.description,
    })),
  RetroActionItemCompleted: ({ data }) => [
    { kind: 'action-item-completed', subject: `retro/${data.retroId}/${data.actionItemId}` },
  ],
  WinCelebrated: ({ data }) => [
    { kind: 'win-celebrated', subject: data.celebrationId, joint: isJoint(data.attendees) },
  ],
};

/** What a blame-flagged event is about: the campaign reviewed, the deal recorded, the huddle held… */
const blamedSubjectOf = (event: LedgerEvent): string => {
  const { data } = event as { data: Record<string, unknown> };
  const id = ['dealId', 'objectionId', 'leadId', 'huddleId', 'retroId', 'campaignId'].find(
    (field) => typeof data[field] === 'string',
  );
  return id === undefined ? event.type : String(data[id]);
};

/** The facts an event becomes at its business time, a blame-flagged one also counted as blame. */
export const scorecardFactsOf = (recorded: RecordedEvent): ScorecardFact[] => {
  const event = upcastStored(recorded) as LedgerEvent;
  const facts: Facts[] = factsOf(scorecardFacts, recorded, event);
  if (isBlameFlagged(event)) {
    facts.push({ kind: 'blame-flagged', subject: blamedSubjectOf(event) });
  }
  const occurredAt = businessTimeOf(event, recorded.metadata.occurredAt);
  return facts.map((fact) => ({ ...fact, occurredAt }) as ScorecardFact);
};

/** The event types the scorecard counts: those mapped to facts, and every one that can be flagged as blame. */
export const scorecardEventTypes = [...new Set([...mappedTypes(scorecardFacts), ...blameFlaggedEventTypes])];
