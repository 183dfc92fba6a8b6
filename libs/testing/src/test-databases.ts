import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SqlDatabase, pgliteDatabase } from '#event-store';

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
export const testServerUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the suites through `npm test`');
  return url;
};

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** A new database of its own on the real PostgreSQL server; dropped on close. */
export const createTestPostgres = async (): Promise<SqlDatabase & { url: string }> => {
  const server = testServerUrl();
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(server, name);
  const db = new SqlDatabase(new pg.Pool({ connectionString: url, max: 10 }), 'postgres', () =>
    dropDatabase(server, name),
  );
  return Object.assign(db, { url });
};

/**
 * A closed pool's sockets may still be closing; DROP … WITH (FORCE) would kill
 * them mid-goodbye and the client would report it as an unhandled error.
 * So wait for them instead: retry while the database is still in use.
 */
const dropDatabase = async (server: string, name: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (error) {
        const inUse = (error as { code?: string }).code === '55006';
        if (!inUse || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end();
  }
};
