import type { SqlQueryable } from '#event-store';

export interface Checkpoint {
  name: string;
  version: number;
  position: number;
}

export const createCheckpointTable = (db: SqlQueryable) =>
  db.query(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name text PRIMARY KEY,
    version integer NOT NULL,
    position bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`);

export const readCheckpoint = async (db: SqlQueryable, name: string): Promise<Checkpoint | null> => {
  const [row] = await db.query<{ version: number; position: string }>(
    'SELECT version, position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return row ? { name, version: row.version, position: Number(row.position) } : null;
};

export const ensureCheckpoint = (db: SqlQueryable, name: string, version: number) =>
  db.query(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES ($1, $2, 0) ON CONFLICT (name) DO NOTHING`,
    [name, version],
  );

/**
 * Locks the checkpoint row for the batch's transaction and tells whether it
 * is still where the batch started. Runners that race (a lease being handed
 * over) queue on this row instead of deadlocking in the read-model tables.
 */
export const lockCheckpointAt = async (
  tx: SqlQueryable,
  checkpoint: Checkpoint,
  version: number,
): Promise<'locked' | 'moved' | 'other-version'> => {
  const [row] = await tx.query<{ position: string; version: number }>(
    'SELECT position, version FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [checkpoint.name],
  );
  if (!row || row.version !== version) return 'other-version';
  return Number(row.position) === checkpoint.position ? 'locked' : 'moved';
};

export const advanceCheckpoint = (tx: SqlQueryable, name: string, to: number) =>
  tx.query('UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1', [name, to]);
