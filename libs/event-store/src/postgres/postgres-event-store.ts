import { EventEmitter } from 'node:events';
import { CommandIdReusedError, WrongExpectedVersionError } from '../errors.js';
import type {
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
import { MAX_READ, isSatisfied, knowledgeTime } from '../append-rules.js';
import { chainEvents } from './chain-events.js';
import { assertStorable } from '../storable-json.js';
import { insertEvents, lockHead, recordAppend } from './append-statements.js';
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

  async append(request: AppendRequest): Promise<AppendResult> {
    assertStorable(request.events);
    const { commandId, fingerprint } = request.command;
    const result = await this.db.transaction(async (tx) => {
      const locked = await lockHead(tx, request.streamId, commandId);
      if (locked.earlier) {
        if (locked.earlier.fingerprint !== fingerprint) throw new CommandIdReusedError(commandId);
        return { ...locked.earlier.result, replayed: true };
      }
      const actual = locked.revision ?? NO_REVISION;
      if (!isSatisfied(request.expectedState, actual)) {
        throw new WrongExpectedVersionError(request.streamId, request.expectedState, actual);
      }
      const recordedAt = knowledgeTime(this.options.now?.() ?? new Date(), locked.head.recordedAt);
      const rows = chainEvents(request, locked.head, actual, recordedAt);
      await insertEvents(tx, rows);
      const appendResult: AppendResult = {
        streamId: request.streamId,
        commandId,
        streamRevision: rows.at(-1)?.streamRevision ?? actual,
        globalPosition: rows.at(-1)?.globalPosition ?? locked.head.position,
        events: rows.map((row) => ({
          eventId: row.eventId,
          type: row.type,
          streamRevision: row.streamRevision,
          globalPosition: row.globalPosition,
        })),
        replayed: false,
      };
      await recordAppend(tx, appendResult, fingerprint, {
        hash: rows.at(-1)?.hash ?? locked.head.hash,
        recordedAt,
      });
      await this.options.beforeCommit?.();
      return appendResult;
    });
    if (!result.replayed && result.events.length > 0) this.appended.emit('appended');
    return result;
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
