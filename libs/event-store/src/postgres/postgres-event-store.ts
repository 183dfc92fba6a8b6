import { EventEmitter } from 'node:events';
import { InvalidEventError, CommandIdReusedError, WrongExpectedVersionError } from '../errors.js';
import type {
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedState,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredCommand,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { NO_REVISION } from '../event-store.port.js';
import { chainHash } from '../hash-chain.js';
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

const MAX_READ = 10_000;

export const isSatisfied = (expected: ExpectedState, actual: number): boolean => {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === NO_REVISION;
    case 'stream-exists':
      return actual !== NO_REVISION;
    case 'revision':
      return actual === expected.revision;
  }
};

const hasNul = (value: unknown): boolean => JSON.stringify(value).includes('\\u0000');

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
    request.events.forEach((event, index) => {
      if (hasNul(event.data) || hasNul(event.metadata)) {
        throw new InvalidEventError(`events[${index}]`, 'text must not contain NUL characters');
      }
    });
    const result = await this.db.transaction(async (tx) => {
      const head = await this.lockHead(tx);
      const earlier = await this.commandIn(tx, request.command.commandId);
      if (earlier) return this.replay(earlier, request.command.fingerprint);
      const actual = await this.revisionIn(tx, request.streamId);
      if (!isSatisfied(request.expectedState, actual)) {
        throw new WrongExpectedVersionError(request.streamId, request.expectedState, actual);
      }
      const appendResult = await this.insertEvents(tx, request, head, actual);
      await tx.query(
        `INSERT INTO ledger_commands (command_id, fingerprint, stream_id, result, recorded_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          request.command.commandId,
          request.command.fingerprint,
          request.streamId,
          JSON.stringify(appendResult),
          head.recordedAt,
        ],
      );
      if (request.events.length > 0) await tx.query(`SELECT pg_notify('ledger_appended', '')`);
      await this.options.beforeCommit?.();
      return appendResult;
    });
    if (!result.replayed && result.events.length > 0) this.appended.emit('appended');
    return result;
  }

  private async lockHead(tx: SqlQueryable) {
    const [row] = await tx.query<{ position: string; hash: string; recorded_at: Date }>(
      'SELECT position, hash, recorded_at FROM ledger_head FOR UPDATE',
    );
    const now = this.options.now?.() ?? new Date();
    const last = row.recorded_at;
    return {
      position: Number(row.position),
      hash: row.hash,
      recordedAt: (now.getTime() > last.getTime() ? now : last).toISOString(),
    };
  }

  private replay(earlier: StoredCommand, fingerprint: string): AppendResult {
    if (earlier.fingerprint !== fingerprint) throw new CommandIdReusedError(earlier.commandId);
    return { ...earlier.result, replayed: true };
  }

  private async insertEvents(
    tx: SqlQueryable,
    request: AppendRequest,
    head: { position: number; hash: string; recordedAt: string },
    actualRevision: number,
  ): Promise<AppendResult> {
    let position = head.position;
    let revision = actualRevision;
    let hash = head.hash;
    const appended: AppendResult['events'] = [];
    for (const event of request.events) {
      position += 1;
      revision += 1;
      const recorded = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: { ...event.metadata, recordedAt: head.recordedAt },
        streamId: request.streamId,
        streamRevision: revision,
        globalPosition: position,
      };
      const previousHash = hash;
      hash = chainHash(previousHash, recorded);
      await tx.query(
        `INSERT INTO ledger_events (global_position, event_id, stream_id, stream_revision, type,
           schema_version, data, metadata, recorded_at, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          position,
          event.eventId,
          request.streamId,
          revision,
          event.type,
          event.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(recorded.metadata),
          head.recordedAt,
          previousHash,
          hash,
        ],
      );
      appended.push({
        eventId: event.eventId,
        type: event.type,
        streamRevision: revision,
        globalPosition: position,
      });
    }
    if (appended.length > 0) {
      await tx.query(
        `INSERT INTO ledger_streams (stream_id, revision) VALUES ($1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision`,
        [request.streamId, revision],
      );
      await tx.query('UPDATE ledger_head SET position = $1, hash = $2, recorded_at = $3', [
        position,
        hash,
        head.recordedAt,
      ]);
    }
    return {
      streamId: request.streamId,
      commandId: request.command.commandId,
      streamRevision: revision,
      globalPosition: position,
      events: appended,
      replayed: false,
    };
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
