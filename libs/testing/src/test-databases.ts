import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SqlDatabase, createDatabase, databaseUrl, dropDatabase, pgliteDatabase } from '#event-store';

const CACHE_DIR = join(process.cwd(), '.test-cache');
const TEMPLATE = join(CACHE_DIR, 'pglite-template.tar');

/**
 * A new, empty in-memory PGlite. Creating one costs ~3 s, loading a dumped
 * empty cluster ~0.5 s, so the first call of a run dumps a template to disk.
 */
export const createTestPglite = async (): Promise<SqlDatabase> => {
  const template = await readFile(TEMPLATE).catch(() => null);
  if (template) {
    return pgliteDatabase(await PGlite.create({ loadDataDir: new Blob([template]) }));
  }
  const pglite = await PGlite.create('memory://');
  const dump = await pglite.dumpDataDir('none');
  await mkdir(CACHE_DIR, { recursive: true });
  const partial = `${TEMPLATE}.${process.pid}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, TEMPLATE);
  return pgliteDatabase(pglite);
};

/** The server the suites use; set by test/global-setup.ts when not given. */
const testServerUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the suites through `npm test`');
  return url;
};

/** A new database of its own on the real PostgreSQL server; dropped on close. */
export const createTestPostgres = async (): Promise<SqlDatabase & { url: string }> => {
  const server = testServerUrl();
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(server, name);
  const url = databaseUrl(server, name);
  const db = new SqlDatabase(new pg.Pool({ connectionString: url, max: 10 }), 'postgres', () =>
    dropDatabase(server, name),
  );
  return Object.assign(db, { url });
};
