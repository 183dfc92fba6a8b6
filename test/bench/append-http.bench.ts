/**
 * Append rate through HTTP, one event per command (LogObjection), against the
 * raw rate of the same database in the same run (one INSERT per transaction at
 * the same concurrency); the same build with group commit on (the default)
 * and off (LEDGER_GROUP_COMMIT=off); and ExecuteCommands (POST /v1/commands:batch)
 * of 1000 LogObjection items against the raw 100-rows-per-transaction rate.
 * Usage: npm run build && node dist/test/bench/append-http.bench.js
 *   [--commands 2000 --concurrency 1,16 --batches 10 --batch-size 1000 --no-pglite]
 * Backends: embedded PGlite always (skip with --no-pglite); a PostgreSQL server too when DATABASE_URL is set.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { SqlDatabase } from '#event-store';
import { formatApiKey, newApiKeyToken } from '#access';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';
import { type BenchBackend, backendMakers } from './backends.js';
import { type BenchRow, compared, latencies, runIfMain } from './bench-table.js';
import type { drive } from './drive.js';
import { logObjectionBody } from './payload.js';
import type { LoadJob } from './http-load.worker.js';
import { type BatchFigure, batchRate } from './http-batch.js';
import { rawBatchInsertRate, rawInsertRate } from './raw-rates.js';

export interface AppendHttpOptions {
  commands: number;
  concurrency: number[];
  /** ExecuteCommands requests, of `batchSize` commands each. */
  batches: number;
  batchSize: number;
  pglite: boolean;
}

const DEFAULTS: AppendHttpOptions = {
  commands: 2000,
  concurrency: [1, 16],
  batches: 10,
  batchSize: 1000,
  pglite: true,
};

/** The same build twice: LEDGER_GROUP_COMMIT unset (on), then off. */
const VARIANTS: { label: string; env: Record<string, string> }[] = [
  { label: 'group commit on', env: {} },
  { label: 'group commit off', env: { LEDGER_GROUP_COMMIT: 'off' } },
];

/** The benchmark's own admin key, as a deployment would create its first one. */
const ADMIN_KEY = formatApiKey(newApiKeyToken());
const JSON_WITH_KEY = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` };

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: JSON_WITH_KEY, body: JSON.stringify(body) });

/** LogObjection commands at `concurrency`, sent from a worker thread (http-load.worker.ts). */
const httpRate = (baseUrl: string, o: AppendHttpOptions, concurrency: number, run: string) =>
  new Promise<Awaited<ReturnType<typeof drive>>>((resolve, reject) => {
    const job: LoadJob = { baseUrl, headers: JSON_WITH_KEY, commands: o.commands, concurrency, run };
    const worker = new Worker(new URL('./http-load.worker.js', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker exited with code ${code}`)));
  });

/** The service on `db` and the rep LogObjection checks (no rate limit: this measures the write path). */
const startService = async (db: SqlDatabase, env: Record<string, string>) => {
  const config = loadConfig({
    LEDGER_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    LEDGER_RATE_LIMIT_COMMANDS: '0',
    ...env,
  });
  const app = await createApp(config, { database: db, logger: false });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const registered = await post(`${baseUrl}/v1/team-members/person-sam/register`, {
    displayName: 'Sam',
    team: 'sales',
  });
  if (registered.status !== 201) throw new Error(`registering the rep: HTTP ${registered.status}`);
  return { app, baseUrl };
};

/** Raw rates, measured once per backend next to the first variant's figures (while its service runs). */
type Raw = { single: Map<number, number>; batched?: number };

const batchRow = (row: BenchRow, batch: BatchFigure | null, raw: Raw): BenchRow => {
  if (!batch) return { ...row, note: 'POST /v1/commands:batch answered 404 (not in this build)' };
  const figure = compared({ ...row, value: batch.rate }, 'raw 100 rows/tx', raw.batched!);
  if (batch.failed === 0) return figure;
  return { ...figure, note: `${batch.failed} of ${batch.commands} refused, first ${batch.firstFailure}` };
};

const measureVariant = async (
  backend: BenchBackend['name'],
  db: SqlDatabase,
  baseUrl: string,
  variant: (typeof VARIANTS)[number],
  o: AppendHttpOptions,
  raw: Raw,
): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  const row = (figure: string, value: number, unit: string) => ({ backend, figure, value, unit });
  const run = variant.env.LEDGER_GROUP_COMMIT ? 'off' : 'on';
  for (const c of o.concurrency) {
    if (!raw.single.has(c)) raw.single.set(c, (await rawInsertRate(db, o.commands, c)).rate);
    const http = await httpRate(baseUrl, o, c, `${run}-c${c}`);
    const { p50, p95, p99 } = latencies(http.samples);
    const figure = row(`HTTP LogObjection, c${c}, ${variant.label}`, http.rate, 'events/s');
    const note = `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`;
    rows.push({ ...compared(figure, `raw INSERT/tx c${c}`, raw.single.get(c)!), note });
  }
  raw.batched ??= await rawBatchInsertRate(db, Math.max(1, Math.round((o.batches * o.batchSize) / 100)), 100);
  const batch = await batchRate(baseUrl, JSON_WITH_KEY, o, run, logObjectionBody);
  const figure = row(`HTTP commands:batch x ${o.batchSize}, ${variant.label}`, NaN, 'commands/s');
  return [...rows, batchRow(figure, batch, raw)];
};

/** One variant on a fresh database, removed afterwards even when a figure failed. */
const benchVariant = async (
  backend: BenchBackend,
  variant: (typeof VARIANTS)[number],
  o: AppendHttpOptions,
  raw: Raw,
) => {
  const db = await backend.open();
  try {
    const { app, baseUrl } = await startService(db, variant.env);
    try {
      return await measureVariant(backend.name, db, baseUrl, variant, o, raw);
    } finally {
      // The app closes the database it was given.
      await app.close();
    }
  } finally {
    await backend.cleanup();
  }
};

export const run = async (options: Partial<AppendHttpOptions> = {}): Promise<BenchRow[]> => {
  const o = { ...DEFAULTS, ...options };
  const rows: BenchRow[] = [];
  for (const make of backendMakers({ pglite: o.pglite, poolSize: 16 })) {
    const raw: Raw = { single: new Map() };
    for (const variant of VARIANTS) rows.push(...(await benchVariant(await make(), variant, o, raw)));
  }
  return rows;
};

runIfMain(import.meta.url, 'append-http', () => {
  const { values } = parseArgs({
    options: {
      commands: { type: 'string', default: String(DEFAULTS.commands) },
      concurrency: { type: 'string', default: DEFAULTS.concurrency.join(',') },
      batches: { type: 'string', default: String(DEFAULTS.batches) },
      'batch-size': { type: 'string', default: String(DEFAULTS.batchSize) },
      'no-pglite': { type: 'boolean', default: false },
    },
  });
  return run({
    commands: Number(values.commands),
    concurrency: values.concurrency.split(',').map(Number),
    batches: Number(values.batches),
    batchSize: Number(values['batch-size']),
    pglite: !values['no-pglite'],
  });
});
