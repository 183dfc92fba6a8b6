import { EventEmitter } from 'node:events';
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
import { CommandIdReusedError, WrongExpectedVersionError } from '../errors.js';
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
import { CatchUpSubscription } from '../postgres/catch-up-subscription.js';
import { migrate } from '../postgres/migrations.js';
import { isSatisfied } from '../postgres/postgres-event-store.js';
import type { SqlDatabase, SqlQueryable } from '../postgres/sql-database.js';
import { assertStorable } from '../storable-json.js';
import { AppendLock } from './append-lock.js';
import {
  type CommandRecord,
  findRecord,
  forgetIntent,
  logPositionAtOrBefore,
  recordIntent,
  recordResult,
} from './command-records.js';
import { matchesFilter } from './event-filter.js';
import { EventStoreDbWakeups } from './eventstoredb-wakeups.js';
import { fromResolved, toEventData } from './ledger-envelope.js';
import { collect, readAllPages, readTail } from './read-all-pages.js';

const MAX_READ = 10_000;

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

/** What an append answers; `revision` and `head` stand when it appended nothing. */
const resultOf = (
  { streamId, commandId }: { streamId: string; commandId: string },
  events: RecordedEvent[],
  revision: number,
  head: number,
): AppendResult => ({
  streamId,
  commandId,
  streamRevision: events.at(-1)?.streamRevision ?? revision,
  globalPosition: events.at(-1)?.globalPosition ?? head,
  events: events.map(({ eventId, type, streamRevision, globalPosition }) => ({
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
 * Why no acknowledged command is lost and none is applied twice, whatever
 * crashes between the two systems: under the append lock, (1) the intent (the
 * command id and its event ids) is committed in PostgreSQL, (2) the events are
 * appended to EventStoreDB with the exact expected revision and event ids
 * derived from the command id, (3) the result is committed in PostgreSQL, and
 * only then is the command acknowledged. A crash before (2) leaves an intent
 * whose events are not in the stream: the next attempt forgets it and runs the
 * command afresh. A crash after (2) leaves an intent whose events are in the
 * stream: the next attempt (any lookup of the command) finds them by id,
 * records the result and answers with it — it does not decide again against a
 * history that already holds its own events. Should an append sent before a
 * crash land after that check, the fresh attempt carries the same event ids
 * and expected revision, so EventStoreDB takes it as the same write (or refuses
 * it as a concurrency conflict): never twice. Lookups of an intent take the
 * lock, so they cannot race an append that is still in flight.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  private readonly lock: AppendLock;
  private readonly wakeups: EventStoreDbWakeups;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly db: SqlDatabase,
    private readonly options: EventStoreDbOptions,
  ) {
    this.appended.setMaxListeners(0);
    this.lock = new AppendLock(db);
    this.wakeups = new EventStoreDbWakeups(client, this.appended);
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
    const result = await this.lock.run(async (db) => {
      const again = await this.settled(db, commandId);
      if (again) return replay(again, fingerprint);
      return this.appendLocked(db, request);
    });
    if (!result.replayed && result.events.length > 0) this.appended.emit('appended');
    return result;
  }

  private async appendLocked(db: SqlQueryable, request: AppendRequest): Promise<AppendResult> {
    const { streamId, expectedState, command } = request;
    const actual = await this.streamRevision(streamId);
    if (!isSatisfied(expectedState, actual))
      throw new WrongExpectedVersionError(streamId, expectedState, actual);
    const head = await readTail(this.client);
    const recordedAt = this.knowledgeTime(head.recordedAt);
    const events = chainAppend(request, head, actual, recordedAt);
    const record: CommandRecord = { ...command, streamId, eventIds: events.map((e) => e.eventId) };
    const result = resultOf({ streamId, commandId: command.commandId }, events, actual, head.position);
    if (events.length === 0) {
      await recordResult(db, record, result);
      return result;
    }
    await recordIntent(db, record);
    await this.options.beforeAppend?.();
    let written;
    try {
      written = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: actual === NO_REVISION ? NO_STREAM : BigInt(actual),
      });
    } catch (error) {
      if (!(error instanceof EsdbWrongExpectedVersionError)) throw error; // in doubt: the intent settles it
      // An earlier attempt's append may have landed late, after EventStoreDB forgot its ids: look, don't guess.
      const landed = await this.settled(db, command.commandId);
      if (landed) return landed.result;
      const current = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : NO_REVISION;
      throw new WrongExpectedVersionError(streamId, expectedState, current);
    }
    await this.options.afterAppend?.();
    await recordResult(db, record, result, written.position);
    return result;
  }

  /** recordedAt never goes backwards along the global order, whatever the clock says. */
  private knowledgeTime(previous: Date): string {
    const now = this.options.now?.() ?? new Date();
    return (now.getTime() > previous.getTime() ? now : previous).toISOString();
  }

  async findCommand(commandId: string): Promise<StoredCommand | null> {
    const record = await findRecord(this.db, commandId);
    if (!record) return null;
    if (record.result) return stored(record, record.result);
    return this.lock.run((db) => this.settled(db, commandId));
  }

  /** The command's result, settling an append in doubt by looking for its events. Call under the lock. */
  private async settled(db: SqlQueryable, commandId: string): Promise<StoredCommand | null> {
    const record = await findRecord(db, commandId);
    if (!record) return null;
    if (record.result) return stored(record, record.result);
    const stream = await this.readStream(record.streamId, { direction: 'backwards', maxCount: MAX_READ });
    const found = stream.filter((e) => record.eventIds.includes(e.eventId)).reverse();
    if (found.length !== record.eventIds.length) {
      await forgetIntent(db, commandId);
      return null;
    }
    const result = resultOf(record, found, NO_REVISION, 0);
    await recordResult(db, record, result);
    return stored(record, result);
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
        this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }),
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
    return new CatchUpSubscription(this, this.wakeups, options);
  }

  async close(): Promise<void> {
    await this.wakeups.close();
    await this.lock.close();
    await this.client.dispose();
    await this.db.close();
  }
}
