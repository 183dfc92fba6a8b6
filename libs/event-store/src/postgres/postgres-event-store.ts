import { EventEmitter } from 'node:events';
import type {
  AppendOutcome,
  AppendRequest,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredCommand,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { NO_REVISION } from '../event-store.port.js';
import { MAX_READ, knowledgeTime } from '../append-rules.js';
import { assertStorable } from '../storable-json.js';
import { lockAndLookUp, lockedState, writeAppends } from './append-statements.js';
import { AppendQueue } from './append-queue.js';
import { planAppends, storableError, streamsRead } from './append-plan.js';
import { restoreEvents } from './restore-events.js';
import { EVENT_COLUMNS, type EventRow, filterClause, toRecordedEvent } from './event-rows.js';
import { migrate } from './migrations.js';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { AppendWakeups } from './append-wakeups.js';

export interface PostgresEventStoreOptions {
  /** Fault injection for tests: runs inside the append transaction, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
  /** Clock for `recordedAt`; knowledge time never goes backwards whatever it says. */
  now?: () => Date;
}

/**
 * The event store on PostgreSQL or PGlite. Every append locks the single
 * `ledger_head` row, so appends are serialised: that gives the hash chain its
 * one global order, and because a waiting writer only gets the lock after the
 * previous one has committed, positions become visible strictly in order — a
 * reader following `global_position` can never skip a late-committing event.
 */
export class PostgresEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  private readonly wakeups: AppendWakeups;
  private readonly queue = new AppendQueue((requests) => this.appendMany(requests));

  private constructor(
    private readonly db: SqlDatabase,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.appended.setMaxListeners(0);
    this.wakeups = new AppendWakeups(db, this.appended);
  }

  static async open(db: SqlDatabase, options: PostgresEventStoreOptions = {}) {
    await migrate(db);
    return new PostgresEventStore(db, options);
  }

  get database(): SqlDatabase {
    return this.db;
  }

  /** Appends arriving together share a transaction (AppendQueue); each is answered alone. */
  async append(request: AppendRequest): Promise<AppendResult> {
    const outcome = await this.queue.append(request);
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }

  /**
   * One transaction for the lot, three round trips: the BEGIN with the lock of
   * the head and the look-up of the streams and command ids, one statement that
   * writes every event, command record and revision, and the COMMIT before any
   * request is answered.
   */
  async appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    const storable = requests.map((request) => storableError(request));
    const accepted = requests.filter((_, index) => storable[index] === null);
    const outcomes =
      accepted.length === 0
        ? []
        : await this.db.transaction(
            async (tx, opened) => {
              const locked = lockedState(opened);
              const recordedAt = knowledgeTime(this.options.now?.() ?? new Date(), locked.head.recordedAt);
              const plan = planAppends(accepted, locked, recordedAt);
              if (plan.commands.length > 0) await writeAppends(tx, plan);
              await this.options.beforeCommit?.();
              return plan.outcomes;
            },
            lockAndLookUp(
              [...new Set(accepted.flatMap(streamsRead))],
              [...new Set(accepted.map((request) => request.command.commandId))],
            ),
          );
    if (
      outcomes.some((outcome) => outcome.ok && !outcome.result.replayed && outcome.result.events.length > 0)
    )
      this.appended.emit('appended');
    let next = 0;
    return storable.map((error) => (error ? { ok: false, error } : outcomes[next++]));
  }

  async restore(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    assertStorable(events);
    await this.db.transaction((tx) => restoreEvents(tx, events));
    this.appended.emit('appended');
  }

  findCommand(commandId: string): Promise<StoredCommand | null> {
    return this.commandIn(this.db, commandId);
  }

  private async commandIn(db: SqlQueryable, commandId: string): Promise<StoredCommand | null> {
    const [row] = await db.query<{ fingerprint: string; result: AppendResult }>(
      'SELECT fingerprint, result FROM ledger_commands WHERE command_id = $1',
      [commandId],
    );
    return row ? { commandId, fingerprint: row.fingerprint, result: row.result } : null;
  }

  streamRevision(streamId: string): Promise<number> {
    return this.revisionIn(this.db, streamId);
  }

  private async revisionIn(db: SqlQueryable, streamId: string): Promise<number> {
    const [row] = await db.query<{ revision: string }>(
      'SELECT revision FROM ledger_streams WHERE stream_id = $1',
      [streamId],
    );
    return row ? Number(row.revision) : NO_REVISION;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [streamId, Math.min(options.maxCount ?? MAX_READ, MAX_READ)];
    let from = '';
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision);
      from = ` AND stream_revision ${backwards ? '<=' : '>='} $3`;
    }
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE stream_id = $1${from}
       ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $2`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    const streams = new Map(streamIds.map((id): [string, RecordedEvent[]] => [id, []]));
    if (streams.size === 0) return streams;
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE stream_id = ANY($1::text[])
       ORDER BY stream_id, stream_revision`,
      [[...streams.keys()]],
    );
    for (const row of rows) streams.get(row.stream_id)?.push(toRecordedEvent(row));
    return streams;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [options.afterPosition ?? 0, Math.min(options.maxCount ?? MAX_READ, MAX_READ)];
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ledger_events
       WHERE global_position > $1${filterClause(options.filter, params)}
       ORDER BY global_position LIMIT $2`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    const [row] = await this.db.query<{ position: string }>('SELECT position FROM ledger_head');
    return Number(row.position);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return new CatchUpSubscription(this, this.wakeups, options);
  }

  async close(): Promise<void> {
    await this.wakeups.close();
    await this.db.close();
  }
}
