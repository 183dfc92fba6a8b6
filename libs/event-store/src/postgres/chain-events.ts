import type { AppendRequest } from '../event-store.port.js';
import { chainHash } from '../hash-chain.js';
import type { ChainHead, EventInsert } from './append-statements.js';

/** Numbers the new events after the head and links each to the previous hash. */
export const chainEvents = (
  request: AppendRequest,
  head: ChainHead,
  streamRevision: number,
  recordedAt: string,
): EventInsert[] => {
  let previousHash = head.hash;
  return request.events.map((event, index) => {
    const recorded = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: { ...event.metadata, recordedAt },
      streamId: request.streamId,
      streamRevision: streamRevision + index + 1,
      globalPosition: head.position + index + 1,
    };
    const hash = chainHash(previousHash, recorded);
    const row: EventInsert = {
      ...recorded,
      data: JSON.stringify(recorded.data),
      metadata: JSON.stringify(recorded.metadata),
      recordedAt,
      previousHash,
      hash,
    };
    previousHash = hash;
    return row;
  });
};
