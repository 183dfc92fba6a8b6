import type pg from 'pg';
import { EventStoreUnavailableError } from '../errors.js';
import type { SqlDatabase, SqlQueryable } from '../postgres/sql-database.js';

/**
 * Serialises the ledger's appends to EventStoreDB across processes: a session
 * advisory lock on a PostgreSQL connection of its own (the server frees it when
 * the holder dies), behind an in-process queue so one connection suffices.
 * Statements run through the holder commit at once: the intent of an append is
 * durable before the append is sent. PGlite serves one process: the queue is enough.
 */
/** How long an append waits for the lock before answering 503. */
const LOCK_WAIT_MS = 15_000;

export class AppendLock {
  private queue: Promise<unknown> = Promise.resolve();
  private client: Promise<pg.Client> | null = null;

  constructor(private readonly db: SqlDatabase) {}

  run<T>(work: (db: SqlQueryable) => Promise<T>): Promise<T> {
    const turn = this.queue.then(() => this.locked(work));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async locked<T>(work: (db: SqlQueryable) => Promise<T>): Promise<T> {
    if (this.db.kind === 'pglite') return work(this.db);
    const client = await this.connection();
    await client
      .query(`SELECT pg_advisory_lock(hashtext('ledger-eventstoredb-append'))`)
      .catch((error: unknown) => {
        throw new EventStoreUnavailableError(
          'the append lock was not free in time (another replica holds it)',
          {
            cause: error,
          },
        );
      });
    try {
      return await work({
        query: async <Row extends object>(text: string, params: unknown[] = []) =>
          (await client.query<Row>(text, params)).rows,
      });
    } finally {
      await client
        .query(`SELECT pg_advisory_unlock(hashtext('ledger-eventstoredb-append'))`)
        .catch(async () => {
          // Whether the connection broke or the unlock failed, ending the session is what surely frees the lock.
          this.client = null;
          await client.end().catch(() => undefined);
        });
    }
  }

  private connection(): Promise<pg.Client> {
    this.client ??= this.db.connectListener().then(async (client) => {
      // A holder stuck on EventStoreDB must not stall every replica for ever.
      await client.query(`SET lock_timeout = '${LOCK_WAIT_MS}ms'`);
      client.on('error', () => {
        this.client = null;
        void client.end().catch(() => undefined);
      });
      return client;
    });
    this.client.catch(() => (this.client = null));
    return this.client;
  }

  async close(): Promise<void> {
    await this.queue;
    const client = await this.client?.catch(() => null);
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
