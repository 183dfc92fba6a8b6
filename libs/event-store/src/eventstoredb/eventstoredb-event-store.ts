import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { MAX_READ, isSatisfied, knowledgeTime } from '../append-rules.js';
import { CommandIdReusedError, EventStoreUnavailableError, WrongExpectedVersionError } from '../errors.js';
import {
  type AppendRequest,
  type AppendResult,
  type EventStore,
  NO_REVISION,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredCommand,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';
import { chainAppend } from '../hash-chain.js';
import { migrate } from '../postgres/migrations.js';
import type { SqlDatabase, SqlQueryable } from '../postgres/sql-database.js';
import { assertStorable } from '../storable-json.js';
import { AppendLock } from './append-lock.js';
import {
  type CommandRecord,
  findIntents,
  findRecord,
  forgetIntent,
  logPositionAtOrBefore,
  recordIntent,
  recordResult,
} from './command-records.js';
import { matchesFilter } from './event-filter.js';
import { EventStoreDbSubscription } from './eventstoredb-subscription.js';
import { fromResolved, toEventData } from './ledger-envelope.js';
import { collect, readAllPages, readTail } from './read-all-pages.js';

export interface EventStoreDbOptions {
  /** Clock for `recordedAt`; knowledge time never goes backwards whatever it says. */
  now?: () => Date;
  /** Fault injection for tests: after the intent is recorded, before the events are sent. */
  beforeAppend?: () => Promise<void>;
  /** Fault injection for tests: after EventStoreDB took the events, before the result is recorded. */
  afterAppend?: () => Promise<void>;
}

const stored = ({ commandId, fingerprint }: CommandRecord, result: AppendResult): StoredCommand => ({
  commandId,
  fingerprint,
  result,
});

const replay = (record: StoredCommand, fingerprint: string): AppendResult => {
  if (record.fingerprint !== fingerprint) throw new CommandIdReusedError(record.commandId);
  return { ...record.result, replayed: true };
};

/** What an append answers; `head` stands as the position when it appended nothing. */
const resultOf = (record: CommandRecord, head: number): AppendResult => ({
  streamId: record.streamId,
  commandId: record.commandId,
  streamRevision: record.events.at(-1)?.streamRevision ?? record.expectedRevision,
  globalPosition: record.events.at(-1)?.globalPosition ?? head,
  events: record.events.map(({ eventId, type, streamRevision, globalPosition }) => ({
    eventId,
    type,
    streamRevision,
    globalPosition,
  })),
  replayed: false,
});

/**
 * The event log in EventStoreDB (KurrentDB), with the ledger's guarantees kept
 * around it. Command records and read models live in PostgreSQL.
 *
 * Why no acknowledged command is lost, none is applied twice, and the ledger's
 * order never forks, whatever crashes or times out between the two systems:
 * every append runs under one lock shared by the replicas. Under it, (1) any
 * append still in doubt is settled first (rollForward), (2) the new events are
 * chained after the tail of $all, (3) the intent — those exact events, their
 * ids derived from the command id, and the stream revision they follow — is
 * committed in PostgreSQL, (4) they are sent with that expected revision, and
 * (5) the result is committed; only then is the command acknowledged.
 * Settling an intent means sending its events again: EventStoreDB answers an
 * append whose ids already follow the expected revision as the same write, so
 * success means they are in (now or before); a wrong expected version means the
 * revision has passed — if the events that follow it are not exactly the
 * intent's, they can never land. An append whose answer was
 * lost (crash, timeout, lock lost) therefore lands in its own place or nowhere,
 * before anything is chained after it; a retry of the command finds its result
 * instead of deciding again against a history that already holds its events.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly lock: AppendLock;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly db: SqlDatabase,
    private readonly options: EventStoreDbOptions,
  ) {
    this.lock = new AppendLock(db);
  }

  static async open(client: EventStoreDBClient, db: SqlDatabase, options: EventStoreDbOptions = {}) {
    // Command records and personal-data keys live in PostgreSQL whichever the log.
    await migrate(db);
    return new EventStoreDbEventStore(client, db, options);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    assertStorable(request.events);
    const { commandId, fingerprint } = request.command;
    const earlier = await this.findCommand(commandId);
    if (earlier) return replay(earlier, fingerprint);
    return this.lock.run(async (db) => {
      await this.settleIntents(db);
      const again = await findRecord(db, commandId);
      if (again?.result) return replay(stored(again, again.result), fingerprint);
      return this.appendLocked(db, request);
    });
  }

  private async appendLocked(db: SqlQueryable, request: AppendRequest): Promise<AppendResult> {
    const { streamId, expectedState, command } = request;
    const actual = await this.streamRevision(streamId);
    if (!isSatisfied(expectedState, actual))
      throw new WrongExpectedVersionError(streamId, expectedState, actual);
    const head = await readTail(this.client);
    const events = chainAppend(
      request,
      head,
      actual,
      knowledgeTime(this.options.now?.() ?? new Date(), head.recordedAt),
    );
    const record: CommandRecord = { ...command, streamId, expectedRevision: actual, events };
    if (events.length === 0) {
      const result = resultOf(record, head.position);
      await recordResult(db, record, result);
      return result;
    }
    await recordIntent(db, record);
    await this.options.beforeAppend?.();
    const settled = await this.rollForward(db, record);
    if (!settled) {
      // Another writer took the revision between our read and our append.
      throw new WrongExpectedVersionError(streamId, expectedState, await this.streamRevision(streamId));
    }
    return settled.result;
  }

  /** Settles every append in doubt, in order; an answer still missing stops all appends until it comes. */
  private async settleIntents(db: SqlQueryable): Promise<void> {
    for (const intent of await findIntents(db)) await this.rollForward(db, intent);
  }

  /**
   * Sends an intent's events (again) with its expected revision: success means
   * they are in, and the result is recorded; a wrong expected version means they
   * never can be, and the intent is forgotten (null). Any other failure leaves it in doubt.
   */
  private async rollForward(db: SqlQueryable, intent: CommandRecord): Promise<StoredCommand | null> {
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
    await this.options.afterAppend?.();
    const result = resultOf(intent, 0);
    await recordResult(db, intent, result, written.position);
    return stored(intent, result);
  }

  /** Whether exactly the intent's events follow its expected revision in the stream. */
  private async landed(intent: CommandRecord): Promise<boolean> {
    const next = await this.readStream(intent.streamId, {
      fromRevision: intent.expectedRevision + 1,
      maxCount: intent.events.length,
    });
    return (
      next.length === intent.events.length &&
      next.every((event, i) => event.eventId === intent.events[i].eventId)
    );
  }

  async findCommand(commandId: string): Promise<StoredCommand | null> {
    const record = await findRecord(this.db, commandId);
    if (!record) return null;
    if (record.result) return stored(record, record.result);
    // In doubt: settle it under the lock, where no append of it can be in flight.
    return this.lock.run(async (db) => {
      await this.settleIntents(db);
      const settled = await findRecord(db, commandId);
      return settled?.result ? stored(settled, settled.result) : null;
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        maxCount: Math.min(options.maxCount ?? MAX_READ, MAX_READ),
        // Decisions are taken on what the leader holds: a follower may lag behind the last append.
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
  }

  async streamRevision(streamId: string): Promise<number> {
    try {
      const [last] = await collect(
        // From the leader: a follower's view may lag behind the last append.
        this.client.readStream(streamId, {
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
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.afterPosition ?? 0;
    const limit = Math.min(options.maxCount ?? MAX_READ, MAX_READ);
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    const from = (await logPositionAtOrBefore(this.db, after)) ?? START;
    for await (const event of readAllPages(this.client, from, after)) {
      if (!matchesFilter(options.filter, event)) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  async headPosition(): Promise<number> {
    return (await readTail(this.client)).position;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return new EventStoreDbSubscription(this.client, this.db, options);
  }

  async close(): Promise<void> {
    await this.lock.close();
    await this.client.dispose();
    await this.db.close();
  }
}
