import { type AllStreamResolvedEvent, type ResolvedEvent, jsonEvent } from '@eventstore/db-client';
import type { EventMetadata, JsonObject, RecordedEvent } from '../event-store.port.js';

/**
 * What the ledger adds to an EventStoreDB event's metadata: its own dense
 * position in the global order, the hash chain, the schema version and the
 * knowledge time. EventStoreDB's own $all position is sparse (a log offset),
 * so the ledger's positions, which read models and auditors count on, live here.
 */
interface LedgerEnvelope {
  ledger: { position: number; previousHash: string; hash: string; schemaVersion: number };
  event: EventMetadata & { recordedAt: string };
}

const isEnvelope = (metadata: unknown): metadata is LedgerEnvelope => {
  const ledger = (metadata as Partial<LedgerEnvelope> | undefined)?.ledger;
  return typeof ledger?.position === 'number' && typeof ledger.hash === 'string';
};

/** The EventStoreDB event that stores a chained ledger event. */
export const toEventData = (event: RecordedEvent) =>
  jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: {
      ledger: {
        position: event.globalPosition,
        previousHash: event.previousHash,
        hash: event.hash,
        schemaVersion: event.schemaVersion,
      },
      event: event.metadata,
    } satisfies LedgerEnvelope as unknown as JsonObject,
  });

/**
 * The ledger event an EventStoreDB event holds, or null for anything else in
 * the log: system events ($-types, $-streams) and events other writers put there.
 */
export const fromResolved = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null => {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || !isEnvelope(event.metadata)) return null;
  const { ledger, event: metadata } = event.metadata;
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: ledger.schemaVersion,
    data: event.data as JsonObject,
    metadata,
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    globalPosition: ledger.position,
    previousHash: ledger.previousHash,
    hash: ledger.hash,
  };
};
