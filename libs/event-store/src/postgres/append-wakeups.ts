import type { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { SqlDatabase } from './sql-database.js';

/**
 * Tells live subscribers that something was appended: in-process appends wake
 * them at once; on a PostgreSQL server, appends by other processes arrive via
 * LISTEN/NOTIFY. A subscriber always re-reads from its checkpoint, so a missed
 * wake-up only delays delivery until the fallback timer, never loses an event.
 */
export class AppendWakeups {
  private listener: Promise<pg.PoolClient> | null = null;
  private closed = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly local: EventEmitter,
  ) {}

  /** Resolves on the next append, or after `fallbackMs`, or when `signal` aborts. */
  async next(fallbackMs: number, signal: AbortSignal): Promise<void> {
    if (this.db.kind === 'postgres') await this.listen();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.local.off('appended', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, fallbackMs);
      this.local.on('appended', done);
      signal.addEventListener('abort', done);
    });
  }

  private listen(): Promise<pg.PoolClient> {
    this.listener ??= (async () => {
      const client = await this.db.connectListener();
      client.on('notification', () => this.local.emit('appended'));
      // A broken listener only costs latency (the fallback timer still runs); reconnect lazily.
      client.on('error', () => {
        this.listener = null;
        client.release(true);
      });
      await client.query('LISTEN ledger_appended');
      return client;
    })();
    return this.listener;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const listener = await this.listener?.catch(() => null);
    if (listener) {
      await listener.query('UNLISTEN *').catch(() => undefined);
      listener.release();
    }
  }
}
