import { hash } from 'node:crypto';

/** One-shot hashing: measurably faster than createHash for a short input. */
const sha256Hex = (text: string): string => hash('sha256', text, 'hex');
import canonicalize from 'canonicalize';
import type { AppendRequest, RecordedEvent } from './event-store.port.js';

/** The link before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = Omit<RecordedEvent, 'hash' | 'previousHash'>;

/** Exactly the fields the chain protects. */
const hashedFields = (event: HashedFields): HashedFields => ({
  eventId: event.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
  streamId: event.streamId,
  streamRevision: event.streamRevision,
  globalPosition: event.globalPosition,
});

/** RFC 8785 canonical JSON. */
const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('event is not serialisable as JSON');
  return text;
};

/**
 * SHA-256 of the previous hash and the event's canonical JSON. `serialize`
 * may be another serializer that writes the same bytes for parsed JSON (a
 * verifier's faster one); a hash it gets right proves the event intact.
 */
export const chainHash = (
  previousHash: string,
  event: HashedFields,
  serialize: (value: unknown) => string = canonicalJson,
): string => sha256Hex(previousHash + serialize(hashedFields(event)));

type ChainBreak = {
  globalPosition: number;
  reason: 'hash-mismatch' | 'link-mismatch';
};

/**
 * Recomputes the chain over consecutive events; returns the first break or null.
 * `expectedPrevious` is the hash before the first event (GENESIS_HASH from position 1).
 */
export const findChainBreak = (
  events: Iterable<RecordedEvent>,
  expectedPrevious: string = GENESIS_HASH,
): ChainBreak | null => {
  let previous = expectedPrevious;
  for (const event of events) {
    if (event.previousHash !== previous) {
      return { globalPosition: event.globalPosition, reason: 'link-mismatch' };
    }
    if (chainHash(previous, event) !== event.hash) {
      return { globalPosition: event.globalPosition, reason: 'hash-mismatch' };
    }
    previous = event.hash;
  }
  return null;
};

/** Numbers an append's events after the head of the global order and links each to the previous hash. */
export const chainAppend = (
  request: AppendRequest,
  head: { position: number; hash: string },
  streamRevision: number,
  recordedAt: string,
): RecordedEvent[] => {
  let previousHash = head.hash;
  return request.events.map((event, index) => {
    const fields: HashedFields = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: { ...event.metadata, recordedAt },
      streamId: request.streamId,
      streamRevision: streamRevision + index + 1,
      globalPosition: head.position + index + 1,
    };
    const recorded = { ...fields, previousHash, hash: chainHash(previousHash, fields) };
    previousHash = recorded.hash;
    return recorded;
  });
};
