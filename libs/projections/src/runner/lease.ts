import type pg from 'pg';
import type { SqlDatabase } from '#event-store';

/**
 * Which process runs a projection. On a PostgreSQL server: a session
 * advisory lock on a connection of its own, released by the server when the
 * holder's connection dies, so another replica takes over. PGlite serves one
 * process only (its data directory is locked), so there the lease is implicit.
 */
export interface Lease {
  /** False once the lease may have been lost (its connection failed). */
  readonly held: boolean;
  release(): Promise<void>;
}

const implicitLease = (): Lease => ({ held: true, release: async () => undefined });

class AdvisoryLease implements Lease {
  held = true;

  constructor(private readonly client: pg.Client) {
    const lost = () => {
      this.held = false;
    };
    client.on('error', lost);
    client.on('end', lost);
  }

  async release(): Promise<void> {
    this.held = false;
    await this.client.end().catch(() => undefined);
  }
}

export const tryAcquireLease = async (db: SqlDatabase, name: string): Promise<Lease | null> => {
  if (db.kind === 'pglite') return implicitLease();
  const client = await db.connectListener();
  const [row] = (
    await client.query<{ acquired: boolean }>(
      `SELECT pg_try_advisory_lock(hashtext('projection:' || $1)) AS acquired`,
      [name],
    )
  ).rows;
  if (row.acquired) return new AdvisoryLease(client);
  await client.end();
  return null;
};
