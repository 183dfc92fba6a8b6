import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { MAX_READ } from '../append-rules.js';
import { WrongExpectedVersionError } from '../errors.js';
import {
  type AppendRequest,
  NO_REVISION,
  type ReadStreamOptions,
  type RecordedEvent,
  atRevision,
} from '../event-store.port.js';
import { fromResolved } from './ledger-envelope.js';
import { collect } from './read-all-pages.js';

/** A page of one stream, read from the leader: decisions are taken on what it holds. */
export const readStreamEvents = async (
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> => {
  const backwards = options.direction === 'backwards';
  const events: RecordedEvent[] = [];
  try {
    const read = client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      maxCount: Math.min(options.maxCount ?? MAX_READ, MAX_READ),
      // A follower may lag behind the last append.
      requiresLeader: true,
    });
    for await (const resolved of read) {
      const event = fromResolved(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
};

/** The stream's last revision as the leader knows it, or NO_REVISION. */
export const readStreamRevision = async (client: EventStoreDBClient, streamId: string): Promise<number> => {
  try {
    const [last] = await collect(
      client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      }),
    );
    return last?.event ? Number(last.event.revision) : NO_REVISION;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return NO_REVISION;
    throw error;
  }
};

/** The other streams an append was decided on are still at the revisions it read, or the first that moved is the error. */
export const assertInputsAt = async (client: EventStoreDBClient, request: AppendRequest): Promise<void> => {
  for (const read of request.readRevisions ?? []) {
    const current = await readStreamRevision(client, read.streamId);
    if (current !== read.revision)
      throw new WrongExpectedVersionError(read.streamId, atRevision(read.revision), current);
  }
};
