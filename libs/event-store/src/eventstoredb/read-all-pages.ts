import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import { GENESIS_HASH } from '../hash-chain.js';
import { fromResolved } from './ledger-envelope.js';

const PAGE = 500;
/** The ledger's own events are normally the last in $all: a short page finds the tail. */
const TAIL_PAGE = 16;

/**
 * Reads a whole page before anything is done with it: leaving a gRPC read
 * early leaves its call open, and the client waits for it when disposed.
 */
export const collect = async <T>(read: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
};

/**
 * The ledger's events after ledger position `after`, in order, reading $all
 * forwards from `from` a page at a time. `from` may lie before them: what the
 * ledger already delivered, system events and other writers' events are skipped.
 */
export async function* readAllPages(
  client: EventStoreDBClient,
  from: ReadPosition,
  after: number,
): AsyncGenerator<RecordedEvent> {
  let position: ReadPosition = from;
  let seen = after;
  let last: RecordedEvent | undefined;
  for (;;) {
    const page = await collect(client.readAll({ fromPosition: position, maxCount: PAGE }));
    for (const resolved of page) {
      const event = fromResolved(resolved);
      if (!event || event.globalPosition <= after || event.eventId === last?.eventId) continue;
      // The ledger's positions run 1, 2, 3… along $all; anything else is a broken log, never skipped silently.
      if (event.globalPosition !== seen + 1) {
        throw new Error(
          `ledger order broken in EventStoreDB: position ${event.globalPosition} follows ${seen} (event ${event.eventId})`,
        );
      }
      seen = event.globalPosition;
      last = event;
      yield event;
    }
    // A page starts at the last one's final event (reads from a position include it).
    const end: Position | undefined = page.at(-1)?.event?.position;
    if (page.length < PAGE || !end) return;
    position = end;
  }
}

interface LedgerHead {
  position: number;
  hash: string;
  recordedAt: Date;
}

/** The last ledger event of $all: where the next append continues the positions and the chain. */
export const readTail = async (client: EventStoreDBClient): Promise<LedgerHead> => {
  let position: ReadPosition = END;
  for (;;) {
    const page: AllStreamResolvedEvent[] = await collect(
      // From the leader: a follower's view may lag behind the last append.
      client.readAll({
        direction: BACKWARDS,
        fromPosition: position,
        maxCount: TAIL_PAGE,
        requiresLeader: true,
      }),
    );
    for (const resolved of page) {
      const event = fromResolved(resolved);
      if (event) {
        return {
          position: event.globalPosition,
          hash: event.hash,
          recordedAt: new Date(event.metadata.recordedAt),
        };
      }
    }
    const last: Position | undefined = page.at(-1)?.event?.position;
    if (page.length < TAIL_PAGE || !last) return { position: 0, hash: GENESIS_HASH, recordedAt: new Date(0) };
    position = last;
  }
};
