/**
 * Append rate through HTTP, one event per command (LogObjection), against the
 * raw rate of the same database in the same run (one INSERT per transaction).
 * Usage: npm run bench [-- --commands 2000 --concurrency 1,8]
 * Backends: embedded PGlite always; a PostgreSQL server too when DATABASE_URL is set.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type SqlDatabase,
  connectPostgres,
  createDatabase,
  databaseUrl,
  dropDatabase,
  openEmbeddedDatabase,
} from '#event-store';
import { formatApiKey, newApiKeyToken } from '#access';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';

const { values } = parseArgs({
  options: { commands: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '1,8' } },
});
const COMMANDS = Number(values.commands);
const CONCURRENCY = values.concurrency.split(',').map(Number);

interface Backend {
  name: string;
  open: () => Promise<SqlDatabase>;
  cleanup: () => Promise<void>;
}

const pglite = async (): Promise<Backend> => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  return {
    name: 'PGlite',
    open: () => openEmbeddedDatabase(join(dir, 'data')),
    cleanup: () => rm(dir, { recursive: true }),
  };
};

const postgres = async (server: string): Promise<Backend> => {
  const name = `ledger_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(server, name);
  return {
    name: 'PostgreSQL',
    open: async () => connectPostgres(databaseUrl(server, name), 16),
    cleanup: () => dropDatabase(server, name),
  };
};

/** Runs `total` tasks with `concurrency` workers; returns seconds and per-task latencies (ms). */
const drive = async (total: number, concurrency: number, task: (i: number) => Promise<void>) => {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { seconds: (performance.now() - started) / 1000, latencies };
};

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

const rawRate = async (db: SqlDatabase, concurrency: number) => {
  await db.query('CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, body jsonb NOT NULL)');
  const { seconds } = await drive(COMMANDS, concurrency, async (i) => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO bench_raw (body) VALUES ($1)', [JSON.stringify({ i, text: 'raw insert' })]);
    });
  });
  return COMMANDS / seconds;
};

/** The benchmark's own admin key, as a deployment would create its first one. */
const ADMIN_KEY = formatApiKey(newApiKeyToken());
const JSON_WITH_KEY = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` };

const httpRate = async (baseUrl: string, concurrency: number, run: string) => {
  const { seconds, latencies } = await drive(COMMANDS, concurrency, async (i) => {
    const response = await fetch(`${baseUrl}/v1/objections/${run}-${i}/log`, {
      method: 'POST',
      headers: JSON_WITH_KEY,
      body: JSON.stringify({ category: 'price', text: `heard on call ${i}`, heardBy: 'person-sam' }),
    });
    if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  });
  return { rate: COMMANDS / seconds, p50: pct(latencies, 0.5), p95: pct(latencies, 0.95) };
};

// The benchmark measures the write path, not the rate limit: it turns that off.
const benchBackend = async (backend: Backend) => {
  const db = await backend.open();
  const app = await createApp(
    loadConfig({ LEDGER_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, LEDGER_RATE_LIMIT_COMMANDS: '0' }),
    {
      database: db,
      logger: false,
    },
  );
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  // LogObjection checks that whoever heard it is on the sales roster.
  const registered = await fetch(`${baseUrl}/v1/team-members/person-sam/register`, {
    method: 'POST',
    headers: JSON_WITH_KEY,
    body: JSON.stringify({ displayName: 'Sam', team: 'sales' }),
  });
  if (registered.status !== 201) throw new Error(`registering the rep: HTTP ${registered.status}`);
  for (const concurrency of CONCURRENCY) {
    const raw = await rawRate(db, concurrency);
    const http = await httpRate(baseUrl, concurrency, `c${concurrency}`);
    console.log(
      `${backend.name.padEnd(10)} concurrency ${String(concurrency).padStart(2)}: ` +
        `HTTP LogObjection ${http.rate.toFixed(0)} events/s (p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms); ` +
        `raw INSERT/tx ${raw.toFixed(0)}/s; ratio ${(http.rate / raw).toFixed(2)}`,
    );
  }
  await app.close();
  await backend.cleanup();
};

const main = async () => {
  console.log(`${COMMANDS} commands per run, 1 event per command, node ${process.version}`);
  await benchBackend(await pglite());
  if (process.env.DATABASE_URL) await benchBackend(await postgres(process.env.DATABASE_URL));
  else console.log('PostgreSQL: skipped (set DATABASE_URL to a server to include it)');
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
