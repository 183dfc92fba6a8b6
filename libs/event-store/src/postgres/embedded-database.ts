import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { DataDirectoryLockedError } from '../errors.js';
import { SqlDatabase } from './sql-database.js';

/** Wraps an already-open PGlite instance; closing the database closes it. */
export const pgliteDatabase = (pglite: PGlite, onClose?: () => Promise<void>): SqlDatabase =>
  new SqlDatabase(new pg.Pool(createPgConfig(pglite)), 'pglite', async () => {
    await pglite.close();
    await onClose?.();
  });

/**
 * Opens the embedded PostgreSQL (PGlite) in `dataDir`, holding an exclusive
 * lock on the directory for as long as it is open: PGlite has no lock of its
 * own, and two processes on one directory were seen to lose a committed row.
 */
export const openEmbeddedDatabase = async (
  dataDir: string,
  onLockLost: (error: Error) => void = () => undefined,
): Promise<SqlDatabase> => {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      // The holder refreshes the lock every 5 s; a lock older than 15 s was left by a crash.
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: onLockLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirectoryLockedError(dir);
    }
    throw error;
  }
  try {
    const pglite = await PGlite.create(dir);
    return pgliteDatabase(pglite, release);
  } catch (error) {
    await release();
    throw error;
  }
};
