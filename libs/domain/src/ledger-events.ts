import type { CampaignEvent } from './campaigns/campaign.events.js';
import type { CelebrationEvent } from './celebrations/celebration.events.js';
import type { ContentEvent } from './content/content.events.js';
import type { DealEvent } from './deals/deal.events.js';
import type { GoalEvent } from './goals/goal.events.js';
import type { HuddleEvent } from './huddles/huddle.events.js';
import type { LeadEvent } from './leads/lead.events.js';
import type { ObjectionEvent } from './objections/objection.events.js';
import type { RetroEvent } from './retros/retro.events.js';
import type { RosterEvent } from './roster/roster.events.js';

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

/**
 * Every event type and its current schema version: a new event type does not
 * compile until it has one. Stored events of an older version are upcast on
 * read (see shared/upcasters.ts).
 */
const schemaVersions: Record<LedgerEvent['type'], number> = {
  TeamMemberRegistered: 1,
  TeamMemberRemoved: 1,
  CampaignProposed: 1,
  CampaignReviewed: 1,
  CampaignLaunched: 2,
  BriefingAcknowledged: 1,
  BlindsideReported: 1,
  CampaignEnded: 1,
  ObjectionLogged: 2,
  ContentPublished: 1,
  ContentWithdrawn: 1,
  RetroOpened: 1,
  RetroNoteAdded: 1,
  RetroClosed: 1,
  RetroActionItemCompleted: 1,
  LeadHandedOff: 1,
  LeadFollowedUp: 1,
  LeadAccepted: 1,
  LeadRejected: 1,
  DealRecorded: 1,
  SharedGoalSet: 1,
  WinCelebrated: 1,
  HuddleHeld: 1,
  ActionItemCompleted: 1,
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
