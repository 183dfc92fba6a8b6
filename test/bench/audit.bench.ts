/**
 * The auditors' figures at scale: how fast the Merkle tree follows the log,
 * how long an inclusion and a consistency proof take (the work of
 * ProveInclusion and ProveConsistency, HTTP aside, and through HTTP), and how
 * fast `ledger verify` checks an exported history file.
 * Usage: npm run bench:audit [-- --events 1000000]
 * Backends: embedded PGlite always (skip with --no-pglite); a PostgreSQL server too when DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { EventStore, SqlDatabase } from '#event-store';
import { ProjectionRunner, merkleTreeProjection } from '#projections';
import { proveConsistency, proveInclusion } from '../../apps/ledger-api/src/audit/tree-proofs.js';
import { TreeHeads } from '../../apps/ledger-api/src/audit/tree-heads.js';
import { benchBackends } from './backends.js';
import { type BenchRow, latencyRow, runIfMain } from './bench-table.js';
import { storeWithMixedHistory } from './mixed-history.js';

export interface AuditOptions {
  events: number;
  proofs: number;
  pglite: boolean;
}

const START = Date.parse('2026-01-01T00:00:00Z');
const CLI = join(process.cwd(), 'dist/apps/ledger-cli/src/main.js');

const timed = async (count: number, run: (i: number) => Promise<unknown>): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return samples;
};

/** Uniform in 1…max, from a fixed seed: the same proofs on both backends. */
const positions = (count: number, max: number) => {
  let seed = 42;
  return Array.from({ length: count }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + (seed % max);
  });
};

const writeHistory = async (store: EventStore, file: string, events: number) => {
  const out = createWriteStream(file);
  for (let after = 0; after < events;) {
    const page = await store.readAll({ afterPosition: after, maxCount: 1_000 });
    if (!out.write(page.map((event) => `${JSON.stringify(event)}\n`).join(''))) await once(out, 'drain');
    after = page[page.length - 1].globalPosition;
  }
  out.end();
  await once(out, 'close');
};

const bench = async (backend: BenchRow['backend'], db: SqlDatabase, dir: string, o: AuditOptions) => {
  const { events, proofs } = o;
  const store = await storeWithMixedHistory(db, events, START);
  const runner = new ProjectionRunner(db, store, merkleTreeProjection, { batchSize: 5_000 });
  await runner.prepare();
  let t0 = performance.now();
  await runner.catchUp();
  const row = (figure: string, value: number, unit = 'events/s') => ({ backend, figure, value, unit });
  const rows: BenchRow[] = [row('merkle-tree catch-up', events / ((performance.now() - t0) / 1000))];
  const heads = new TreeHeads(db);
  const leaves = positions(proofs, events);
  const olds = positions(proofs, events - 1);
  const inclusion = await timed(proofs, (i) =>
    proveInclusion(db, store, heads, { position: leaves[i], treeSize: events }),
  );
  rows.push(latencyRow(backend, `inclusion proof at ${events}`, inclusion, `${proofs} proofs`, 2));
  const consistency = await timed(proofs, (i) => proveConsistency(db, heads, { from: olds[i], to: events }));
  rows.push(latencyRow(backend, `consistency proof to ${events}`, consistency, `${proofs} proofs`, 2));
  const file = join(dir, 'history.ndjson');
  await writeHistory(store, file, events);
  const { size } = await stat(file);
  t0 = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'verify', file], {
    maxBuffer: 1 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  const said = stdout.trim().slice(0, 40);
  const note = `${(size / 2 ** 20).toFixed(0)} MB, process included (${seconds.toFixed(1)} s): ${said}…`;
  rows.push({ ...row('ledger verify of the export', events / seconds), note });
  await rm(file);
  await store.close();
  return rows;
};

export const run = async (options: Partial<AuditOptions> = {}): Promise<BenchRow[]> => {
  const o: AuditOptions = { events: 1_000_000, proofs: 500, pglite: true, ...options };
  const dir = await mkdtemp(join(tmpdir(), 'ledger-audit-bench-'));
  const rows: BenchRow[] = [];
  for await (const backend of benchBackends({ pglite: o.pglite, poolSize: 8 })) {
    rows.push(...(await bench(backend.name, await backend.open(), dir, o)));
    await backend.cleanup();
  }
  await rm(dir, { recursive: true });
  return rows;
};

runIfMain(import.meta.url, 'audit', () => {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      proofs: { type: 'string', default: '500' },
      'no-pglite': { type: 'boolean', default: false },
    },
  });
  return run({ events: Number(values.events), proofs: Number(values.proofs), pglite: !values['no-pglite'] });
});
