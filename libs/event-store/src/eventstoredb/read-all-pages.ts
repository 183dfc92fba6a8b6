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
  for (;;) {
    let count = 0;
    let last: Position | undefined;
    for await (const resolved of client.readAll({ fromPosition: position, maxCount: PAGE })) {
      count += 1;
      last = resolved.event?.position ?? last;
      const event = fromResolved(resolved);
      if (!event || event.globalPosition <= seen) continue;
      seen = event.globalPosition;
      yield event;
    }
    // A page starts at the last one's final event (reads from a position include it).
    if (count < PAGE || !last) return;
    position = last;
  }
}

export interface LedgerHead {
  position: number;
  hash: string;
  recordedAt: Date;
}

/** The last ledger event of $all: where the next append continues the positions and the chain. */
export const readTail = async (client: EventStoreDBClient): Promise<LedgerHead> => {
  let position: ReadPosition = END;
  for (;;) {
    let count = 0;
    let last: AllStreamResolvedEvent | undefined;
    for await (const resolved of client.readAll({
      direction: BACKWARDS,
      fromPosition: position,
      maxCount: PAGE,
    })) {
      count += 1;
      last = resolved;
      const event = fromResolved(resolved);
      if (event)
        return {
          position: event.globalPosition,
          hash: event.hash,
          recordedAt: new Date(event.metadata.recordedAt),
        };
    }
    if (count < PAGE || !last?.event) return { position: 0, hash: GENESIS_HASH, recordedAt: new Date(0) };
    position = last.event.position;
  }
};
