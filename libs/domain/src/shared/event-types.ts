/**
 * Every event type the ledger writes and its current schema version. Stored
 * events of an older version are upcast on read (none exist yet).
 */
export const eventSchemaVersions = {
  CampaignLaunched: 1,
  ObjectionLogged: 1,
} as const;

export type EventType = keyof typeof eventSchemaVersions;

export const schemaVersionOf = (type: string): number => {
  const version = (eventSchemaVersions as Record<string, number>)[type];
  if (version === undefined) throw new Error(`unknown event type ${type}: add it to eventSchemaVersions`);
  return version;
};
