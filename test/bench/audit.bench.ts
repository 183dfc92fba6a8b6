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
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import {
  type EventStore,
  type SqlDatabase,
  connectPostgres,
  createDatabase,
  databaseUrl,
  dropDatabase,
  openEmbeddedDatabase,
} from '#event-store';
import { ProjectionRunner, merkleTreeProjection } from '#projections';
import { proveConsistency, proveInclusion } from '../../apps/ledger-api/src/audit/tree-proofs.js';
import { TreeHeads } from '../../apps/ledger-api/src/audit/tree-heads.js';
import { percentiles, storeWithMixedHistory } from './mixed-history.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    proofs: { type: 'string', default: '500' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const EVENTS = Number(values.events);
const PROOFS = Number(values.proofs);
const START = Date.parse('2026-01-01T00:00:00Z');
const CLI = join(process.cwd(), 'dist/apps/ledger-cli/src/main.js');

const timed = async (count: number, run: (i: number) => Promise<unknown>): Promise<string> => {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples, 2);
};

/** Uniform in 1…max, from a fixed seed: the same proofs on both backends. */
const positions = (count: number, max: number) => {
  let seed = 42;
  return Array.from({ length: count }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + (seed % max);
  });
};

const writeHistory = async (store: EventStore, file: string) => {
  const out = createWriteStream(file);
  for (let after = 0; after < EVENTS;) {
    const page = await store.readAll({ afterPosition: after, maxCount: 1_000 });
    if (!out.write(page.map((event) => `${JSON.stringify(event)}\n`).join(''))) await once(out, 'drain');
    after = page[page.length - 1].globalPosition;
  }
  out.end();
  await once(out, 'close');
};

const bench = async (name: string, db: SqlDatabase, dir: string) => {
  let t0 = performance.now();
  const store = await storeWithMixedHistory(db, EVENTS, START);
  console.log(`${name}: ${EVENTS} events appended in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const runner = new ProjectionRunner(db, store, merkleTreeProjection, { batchSize: 5_000 });
  await runner.prepare();
  t0 = performance.now();
  await runner.catchUp();
  console.log(
    `  merkle-tree caught up at ${(EVENTS / ((performance.now() - t0) / 1000)).toFixed(0)} events/s`,
  );
  const heads = new TreeHeads(db);
  const leaves = positions(PROOFS, EVENTS);
  const olds = positions(PROOFS, EVENTS - 1);
  console.log(
    `  inclusion proof at ${EVENTS}:   ${await timed(PROOFS, (i) => proveInclusion(db, store, heads, { position: leaves[i], treeSize: EVENTS }))}`,
  );
  console.log(
    `  consistency proof to ${EVENTS}: ${await timed(PROOFS, (i) => proveConsistency(db, heads, { from: olds[i], to: EVENTS }))}`,
  );
  const file = join(dir, 'history.ndjson');
  await writeHistory(store, file);
  const { size } = await stat(file);
  t0 = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'verify', file], {
    maxBuffer: 1 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `  ledger verify of ${(size / 2 ** 20).toFixed(0)} MB: ${(EVENTS / seconds).toFixed(0)} events/s, process included (${seconds.toFixed(1)} s); it said: ${stdout.trim().slice(0, 60)}…`,
  );
  await rm(file);
  await store.close();
};

const main = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-audit-bench-'));
  if (!values['no-pglite']) await bench('PGlite', await openEmbeddedDatabase(join(dir, 'data')), dir);
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `ledger_bench_${randomBytes(4).toString('hex')}`;
    await createDatabase(server, name);
    await bench('PostgreSQL', connectPostgres(databaseUrl(server, name), 8), dir);
    await dropDatabase(server, name);
  } else console.log('PostgreSQL: skipped (set DATABASE_URL to a server to include it)');
  await rm(dir, { recursive: true });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
