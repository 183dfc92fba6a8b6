/**
 * Every event type the ledger writes and its current schema version. Stored
 * events of an older version are upcast on read (see upcasters.ts).
 */
export const eventSchemaVersions = {
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
} as const;

export type EventType = keyof typeof eventSchemaVersions;

export const schemaVersionOf = (type: string): number => {
  const version = (eventSchemaVersions as Record<string, number>)[type];
  if (version === undefined) throw new Error(`unknown event type ${type}: add it to eventSchemaVersions`);
  return version;
};
