/**
 * Where a benchmark runs: the embedded PGlite in a fresh directory, always, and
 * a fresh database on the PostgreSQL server of DATABASE_URL when it is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type SqlDatabase,
  connectPostgres,
  createDatabase,
  databaseUrl,
  dropDatabase,
  openEmbeddedDatabase,
} from '#event-store';

export interface BenchBackend {
  name: 'PGlite' | 'PostgreSQL';
  /** A connection pool on the backend's database (PGlite: its one connection). */
  open: () => Promise<SqlDatabase>;
  /** The database's URL, PostgreSQL only. */
  url?: string;
  /** Removes the directory or drops the database; call once every pool on it is closed. */
  cleanup: () => Promise<void>;
}

export const pgliteBackend = async (): Promise<BenchBackend> => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  return {
    name: 'PGlite',
    open: () => openEmbeddedDatabase(join(dir, 'data')),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
};

export const benchDatabaseName = (): string => `ledger_bench_${randomBytes(4).toString('hex')}`;

export const postgresBackend = async (server: string, poolSize: number): Promise<BenchBackend> => {
  const name = benchDatabaseName();
  await createDatabase(server, name);
  const url = databaseUrl(server, name);
  return {
    name: 'PostgreSQL',
    url,
    open: async () => connectPostgres(url, poolSize),
    cleanup: () => dropDatabase(server, name),
  };
};

/** PGlite (unless `pglite` is false), then PostgreSQL if DATABASE_URL is set; each call makes a fresh one. */
export const backendMakers = (options: {
  pglite?: boolean;
  poolSize: number;
}): (() => Promise<BenchBackend>)[] => {
  const server = process.env.DATABASE_URL;
  return [
    ...(options.pglite === false ? [] : [pgliteBackend]),
    ...(server ? [() => postgresBackend(server, options.poolSize)] : []),
  ];
};

/** The backends of backendMakers, each made when the loop reaches it. */
export async function* benchBackends(options: { pglite?: boolean; poolSize: number }) {
  for (const make of backendMakers(options)) yield await make();
}
