import { type EventStoreDBClient, START } from '@eventstore/db-client';
import { MAX_READ, isSatisfied, knowledgeTime } from '../append-rules.js';
import { WrongExpectedVersionError } from '../errors.js';
import {
  type AppendOutcome,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredCommand,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';
import { appendOneByOne, readStreamsOneByOne } from '../one-by-one.js';
import { chainAppend } from '../hash-chain.js';
import { migrate } from '../postgres/migrations.js';
import type { SqlDatabase, SqlQueryable } from '../postgres/sql-database.js';
import { assertStorable } from '../storable-json.js';
import { AppendLock } from './append-lock.js';
import { Intents } from './intents.js';
import {
  type CommandRecord,
  findRecord,
  logPositionAtOrBefore,
  recordIntent,
  recordResult,
  replay,
  resultOf,
  stored,
} from './command-records.js';
import { matchesFilter } from './event-filter.js';
import { EventStoreDbSubscription } from './eventstoredb-subscription.js';
import { readAllPages, readTail } from './read-all-pages.js';
import { assertInputsAt, readStreamEvents, readStreamRevision } from './stream-reads.js';
import { restoreRuns } from './restore-runs.js';

export interface EventStoreDbOptions {
  /** Clock for `recordedAt`; knowledge time never goes backwards whatever it says. */
  now?: () => Date;
  /** Fault injection for tests: after the intent is recorded, before the events are sent. */
  beforeAppend?: () => Promise<void>;
  /** Fault injection for tests: after EventStoreDB took the events, before the result is recorded. */
  afterAppend?: () => Promise<void>;
}

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
  private readonly intents: Intents;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly db: SqlDatabase,
    private readonly options: EventStoreDbOptions,
  ) {
    this.lock = new AppendLock(db);
    this.intents = new Intents(client, options.afterAppend);
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
      await this.intents.settleAll(db);
      const again = await findRecord(db, commandId);
      if (again?.result) return replay(stored(again, again.result), fingerprint);
      return this.appendLocked(db, request);
    });
  }

  /** One append after another: the log has no transaction to share, the lock is taken for each. */
  appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    return appendOneByOne(this, requests);
  }

  private async appendLocked(db: SqlQueryable, request: AppendRequest): Promise<AppendResult> {
    const { streamId, expectedState, command } = request;
    const actual = await this.streamRevision(streamId);
    if (!isSatisfied(expectedState, actual))
      throw new WrongExpectedVersionError(streamId, expectedState, actual);
    // Every ledger append holds the lock, so inputs checked under it cannot move before this one lands.
    await assertInputsAt(this.client, request);
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
    const settled = await this.intents.rollForward(db, record);
    if (!settled) {
      // Another writer took the revision between our read and our append.
      throw new WrongExpectedVersionError(streamId, expectedState, await this.streamRevision(streamId));
    }
    return settled.result;
  }

  async restore(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    assertStorable(events);
    await this.lock.run(async (db) => {
      await this.intents.settleAll(db);
      await restoreRuns(this.client, db, this.intents, events);
    });
  }

  async findCommand(commandId: string): Promise<StoredCommand | null> {
    const record = await findRecord(this.db, commandId);
    if (!record) return null;
    if (record.result) return stored(record, record.result);
    // In doubt: settle it under the lock, where no append of it can be in flight.
    return this.lock.run(async (db) => {
      await this.intents.settleAll(db);
      const settled = await findRecord(db, commandId);
      return settled?.result ? stored(settled, settled.result) : null;
    });
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return readStreamEvents(this.client, streamId, options);
  }

  readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    return readStreamsOneByOne(this, streamIds);
  }

  streamRevision(streamId: string): Promise<number> {
    return readStreamRevision(this.client, streamId);
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
