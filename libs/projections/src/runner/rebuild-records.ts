import type { SqlQueryable } from '#event-store';

/** How a blue/green rebuild is going; see projection-rebuild.ts. */
export interface RebuildProgress {
  state: 'building' | 'swapped' | 'failed';
  /** Global positions covered so far, and the head they are chasing. */
  processed: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  startedAt: string;
  finishedAt: string | null;
  /** Of the rebuilt model, and of the live one at the same position, taken at the swap. */
  checksum: string | null;
  liveChecksum: string | null;
  matchesLive: boolean | null;
  error: string | null;
}

/** A rebuild that has not reported for this long is taken for dead (its replica went away). */
const REBUILD_STALE_MS = 60_000;

/**
 * The progress of each projection's last rebuild, kept in the database so that
 * every replica behind a load balancer reports it, and so that two replicas
 * never rebuild one projection (into the same shadow tables) at once.
 */
export const createRebuildTable = (db: SqlQueryable) =>
  db.query(`CREATE TABLE IF NOT EXISTS projection_rebuilds (
    name text PRIMARY KEY,
    progress jsonb NOT NULL,
    heartbeat_at timestamptz NOT NULL DEFAULT now()
  )`);

/** Takes the projection's rebuild slot unless a live rebuild holds it; true when taken. */
export const claimRebuild = async (
  db: SqlQueryable,
  name: string,
  progress: RebuildProgress,
): Promise<boolean> => {
  const claimed = await db.query(
    `INSERT INTO projection_rebuilds (name, progress) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET progress = EXCLUDED.progress, heartbeat_at = now()
     WHERE projection_rebuilds.progress->>'state' <> 'building'
        OR projection_rebuilds.heartbeat_at < now() - $3 * interval '1 millisecond'
     RETURNING name`,
    [name, JSON.stringify(progress), REBUILD_STALE_MS],
  );
  return claimed.length === 1;
};

export const saveRebuild = (db: SqlQueryable, name: string, progress: RebuildProgress) =>
  db.query('UPDATE projection_rebuilds SET progress = $2, heartbeat_at = now() WHERE name = $1', [
    name,
    JSON.stringify(progress),
  ]);

export const readRebuild = async (db: SqlQueryable, name: string): Promise<RebuildProgress | null> => {
  const [row] = await db.query<{ progress: RebuildProgress }>(
    'SELECT progress FROM projection_rebuilds WHERE name = $1',
    [name],
  );
  return row?.progress ?? null;
};
