import type { SqlDatabase } from '#event-store';
import { createCheckpointTable, ensureCheckpoint, readCheckpoint } from './checkpoints.js';
import { createFailureTable } from './failures.js';
import { dropTables, ensureTables, liveTables } from './model-tables.js';
import type { Projection } from './projection.js';
import { createRebuildTable } from './rebuild-records.js';

/**
 * Creates a model's tables and checkpoint row where missing; a newer version
 * drops the model so that it is rebuilt from 0.
 */
export const prepareModel = (db: SqlDatabase, projection: Projection): Promise<void> =>
  // Replicas starting together take turns; only a newer version resets the model.
  db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('projection-prepare'))`);
    await createCheckpointTable(tx);
    await createRebuildTable(tx);
    await createFailureTable(tx);
    const checkpoint = await readCheckpoint(tx, projection.name);
    if (checkpoint && checkpoint.version < projection.version) {
      await dropTables(tx, projection, liveTables);
      await tx.query('DELETE FROM projection_checkpoints WHERE name = $1', [projection.name]);
      // The new version is a new fold: it may take the event the old one failed on.
      await tx.query('DELETE FROM projection_failures WHERE name = $1', [projection.name]);
    }
    await ensureTables(tx, projection, liveTables);
    await ensureCheckpoint(tx, projection.name, projection.version);
  });
