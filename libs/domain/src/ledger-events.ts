import type { SchemaVersions } from './shared/decider.js';
import { type CampaignEvent, campaignSchemaVersions } from './campaigns/campaign.events.js';
import { type CelebrationEvent, celebrationSchemaVersions } from './celebrations/celebration.events.js';
import { type ContentEvent, contentSchemaVersions } from './content/content.events.js';
import { type DealEvent, dealSchemaVersions } from './deals/deal.events.js';
import { type GoalEvent, goalSchemaVersions } from './goals/goal.events.js';
import { type HuddleEvent, huddleSchemaVersions } from './huddles/huddle.events.js';
import { type LeadEvent, leadSchemaVersions } from './leads/lead.events.js';
import { type ObjectionEvent, objectionSchemaVersions } from './objections/objection.events.js';
import { type RetroEvent, retroSchemaVersions } from './retros/retro.events.js';
import { type RosterEvent, rosterSchemaVersions } from './roster/roster.events.js';

/** Every event the ledger records. */
export type LedgerEvent =
  | RosterEvent
  | CampaignEvent
  | ObjectionEvent
  | ContentEvent
  | RetroEvent
  | LeadEvent
  | DealEvent
  | GoalEvent
  | CelebrationEvent
  | HuddleEvent;

/** Every event type and its current schema version (each folder's events file states its own). */
const schemaVersions: SchemaVersions<LedgerEvent> = {
  ...campaignSchemaVersions,
  ...celebrationSchemaVersions,
  ...contentSchemaVersions,
  ...dealSchemaVersions,
  ...goalSchemaVersions,
  ...huddleSchemaVersions,
  ...leadSchemaVersions,
  ...objectionSchemaVersions,
  ...retroSchemaVersions,
  ...rosterSchemaVersions,
};

export const schemaVersionOf = (type: string): number => {
  const version = (schemaVersions as Record<string, number>)[type];
  if (version === undefined) throw new Error(`unknown event type ${type}: add it to schemaVersions`);
  return version;
};

/** The events whose free text is screened for blame: each carries a blameFlag. */
type BlameFlaggedEvent = Extract<LedgerEvent, { data: { blameFlag: boolean } }>;

const blameFlagged: Record<BlameFlaggedEvent['type'], true> = {
  CampaignReviewed: true,
  BlindsideReported: true,
  ObjectionLogged: true,
  LeadRejected: true,
  DealRecorded: true,
  HuddleHeld: true,
  RetroClosed: true,
};

export const blameFlaggedEventTypes = Object.keys(blameFlagged) as BlameFlaggedEvent['type'][];

/** Whether the event's free text was flagged as blame. */
export const isBlameFlagged = (event: LedgerEvent): boolean =>
  Object.hasOwn(blameFlagged, event.type) && (event as BlameFlaggedEvent).data.blameFlag;

/**
 * When a fact happened for the scorecards: a deal when it closed, a huddle
 * when it was held, everything else when its command says it occurred.
 */
export const businessTimeOf = (event: LedgerEvent, occurredAt: string): string => {
  switch (event.type) {
    case 'DealRecorded':
      return event.data.closedAt;
    case 'HuddleHeld':
      return event.data.heldAt;
    default:
      return occurredAt;
  }
};
