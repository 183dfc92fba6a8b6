import {
  type EventStoreDBClient,
  NO_STREAM,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors.js';
import { NO_REVISION, type StoredCommand } from '../event-store.port.js';
import type { SqlQueryable } from '../postgres/sql-database.js';
import {
  type CommandRecord,
  findIntents,
  forgetIntent,
  recordResult,
  resultOf,
  stored,
} from './command-records.js';
import { toEventData } from './ledger-envelope.js';
import { readStreamEvents } from './stream-reads.js';

/**
 * Appends whose answer is in doubt, settled under the append lock (see
 * EventStoreDbEventStore): each is sent again until EventStoreDB says it is in,
 * or that it never can be.
 */
export class Intents {
  constructor(
    private readonly client: EventStoreDBClient,
    /** Fault injection for tests: after EventStoreDB took the events, before the result is recorded. */
    private readonly afterAppend?: () => Promise<void>,
  ) {}

  /** Settles every append in doubt, in order; an answer still missing stops all appends until it comes. */
  async settleAll(db: SqlQueryable): Promise<void> {
    for (const intent of await findIntents(db)) await this.rollForward(db, intent);
  }

  /**
   * Sends an intent's events (again) with its expected revision: success means
   * they are in, and the result is recorded; a wrong expected version means they
   * never can be, and the intent is forgotten (null). Any other failure leaves it in doubt.
   */
  async rollForward(db: SqlQueryable, intent: CommandRecord): Promise<StoredCommand | null> {
    let written: { position?: { commit: bigint; prepare: bigint } };
    try {
      written = await this.client.appendToStream(intent.streamId, intent.events.map(toEventData), {
        expectedRevision:
          intent.expectedRevision === NO_REVISION ? NO_STREAM : BigInt(intent.expectedRevision),
        requiresLeader: true,
      });
    } catch (error) {
      if (!(error instanceof EsdbWrongExpectedVersionError)) {
        throw new EventStoreUnavailableError(
          `EventStoreDB did not confirm the append of command ${intent.commandId}; it is settled before the next append`,
          { cause: error },
        );
      }
      // The revision has passed. EventStoreDB recognises a resent write only while it remembers its ids
      // (a window a restart loses), so look at what follows the revision before deciding it never landed.
      if (!(await this.landed(intent))) {
        await forgetIntent(db, intent.commandId);
        return null;
      }
      written = {};
    }
    await this.afterAppend?.();
    const result = resultOf(intent, 0);
    await recordResult(db, intent, result, written.position);
    return stored(intent, result);
  }

  /** Whether exactly the intent's events follow its expected revision in the stream. */
  private async landed(intent: CommandRecord): Promise<boolean> {
    const next = await readStreamEvents(this.client, intent.streamId, {
      fromRevision: intent.expectedRevision + 1,
      maxCount: intent.events.length,
    });
    return (
      next.length === intent.events.length &&
      next.every((event, i) => event.eventId === intent.events[i].eventId)
    );
  }
}
