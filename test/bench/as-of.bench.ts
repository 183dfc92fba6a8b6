/**
 * As-of read latency over a year of mixed history (see mixed-history.ts):
 * GetScorecard for the month and the quarter holding asOf, GetAlignmentHealth
 * and GetObjectionGaps, each at 50 instants spread over the year; and how fast
 * each read model catches up from position 0.
 * Usage: npm run bench:as-of [-- --events 1000000]
 * Backends: embedded PGlite always (skip with --no-pglite); a PostgreSQL server too when DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePeriod, periodOf } from '#domain';
import {
  type SqlDatabase,
  connectPostgres,
  createDatabase,
  databaseUrl,
  dropDatabase,
  openEmbeddedDatabase,
} from '#event-store';
import {
  ProjectionRunner,
  allProjections,
  readAlignmentHealth,
  readObjectionGaps,
  readScorecard,
} from '#projections';
import { percentiles, storeWithMixedHistory } from './mixed-history.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    'no-pglite': { type: 'boolean', default: false },
    // Leaves the PostgreSQL database in place, to look at query plans.
    keep: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(values.events);
const START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const INSTANTS = 50;

const bench = async (name: string, db: SqlDatabase) => {
  let t0 = performance.now();
  const store = await storeWithMixedHistory(db, EVENTS, START);
  console.log(`${name}: ${EVENTS} events appended in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  for (const projection of allProjections) {
    const runner = new ProjectionRunner(db, store, projection, { batchSize: 1_000 });
    await runner.prepare();
    t0 = performance.now();
    await runner.catchUp();
    const rate = EVENTS / ((performance.now() - t0) / 1000);
    console.log(`  ${projection.name.padEnd(16)} caught up at ${rate.toFixed(0)} events/s`);
  }
  const queries: [string, (asOf: Date) => Promise<unknown>][] = [
    [
      'scorecard (month)',
      (asOf) =>
        readScorecard(db, parsePeriod(periodOf('month', asOf.toISOString()))!, {
          asOf,
          now: asOf,
          currency: 'EUR',
        }),
    ],
    [
      'scorecard (quarter)',
      (asOf) =>
        readScorecard(db, parsePeriod(periodOf('quarter', asOf.toISOString()))!, {
          asOf,
          now: asOf,
          currency: 'EUR',
        }),
    ],
    ['alignment health', (asOf) => readAlignmentHealth(db, { asOf, now: asOf })],
    ['objection gaps', (asOf) => readObjectionGaps(db, [], { asOf, now: asOf })],
  ];
  for (const [label, query] of queries) {
    const samples: number[] = [];
    for (let q = 0; q < INSTANTS; q += 1) {
      const asOf = new Date(START + ((q + 1) / (INSTANTS + 1)) * YEAR_MS);
      const q0 = performance.now();
      await query(asOf);
      samples.push(performance.now() - q0);
    }
    console.log(`  as-of ${label.padEnd(20)} ${percentiles(samples)} over ${INSTANTS} instants`);
  }
  await store.close();
};

const main = async () => {
  if (!values['no-pglite']) {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-as-of-bench-'));
    await bench('PGlite', await openEmbeddedDatabase(join(dir, 'data')));
    await rm(dir, { recursive: true });
  }
  const server = process.env.DATABASE_URL;
  if (!server) return console.log('PostgreSQL: skipped (set DATABASE_URL to a server to include it)');
  const name = `ledger_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(server, name);
  await bench('PostgreSQL', connectPostgres(databaseUrl(server, name), 8));
  if (values.keep) console.log(`kept database ${name}`);
  else await dropDatabase(server, name);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
