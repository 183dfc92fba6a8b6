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
  private listener: Promise<pg.Client> | null = null;
  private closed = false;
  /** Counts wake-ups, so a waiter can tell one came while it was busy reading. */
  private seen = 0;

  constructor(
    private readonly db: SqlDatabase,
    private readonly local: EventEmitter,
  ) {
    this.local.on('appended', () => (this.seen += 1));
  }

  /** A mark to pass to `next`: wake-ups after it are not missed. */
  mark(): number {
    return this.seen;
  }

  /** Resolves on the next append after `mark`, or after `fallbackMs`, or when `signal` aborts. */
  async next(mark: number, fallbackMs: number, signal: AbortSignal): Promise<void> {
    if (this.db.kind === 'postgres' && !this.closed) await this.listen();
    if (this.seen !== mark || signal.aborted) return;
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

  private async listen(): Promise<void> {
    this.listener ??= (async () => {
      const client = await this.db.connectListener();
      client.on('notification', () => this.local.emit('appended'));
      // A broken listener only costs latency (the fallback timer still runs): drop it, reconnect on next wait.
      client.on('error', () => {
        this.listener = null;
        void client.end().catch(() => undefined);
      });
      await client.query('LISTEN ledger_appended');
      return client;
    })();
    await this.listener.catch(() => {
      // Could not listen (server busy, restarting): poll on the fallback timer and try again next time.
      this.listener = null;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const listener = await this.listener?.catch(() => null);
    await listener?.end().catch(() => undefined);
  }
}
