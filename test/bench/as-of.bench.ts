/**
 * As-of read latency over a year of mixed history (see mixed-history.ts):
 * GetScorecard for the month and the quarter holding asOf, GetAlignmentHealth
 * and GetObjectionGaps, each at 50 instants spread over the year; and how fast
 * each read model catches up from position 0.
 * Usage: npm run bench:as-of [-- --events 1000000]
 * Backends: embedded PGlite always (skip with --no-pglite); a PostgreSQL server too when DATABASE_URL is set.
 */
import { parseArgs } from 'node:util';
import { parsePeriod, periodOf } from '#domain';
import type { SqlDatabase } from '#event-store';
import {
  ProjectionRunner,
  allProjections,
  readAlignmentHealth,
  readObjectionGaps,
  readScorecard,
} from '#projections';
import { benchBackends } from './backends.js';
import { type BenchRow, latencyRow, runIfMain } from './bench-table.js';
import { storeWithMixedHistory } from './mixed-history.js';

export interface AsOfOptions {
  events: number;
  pglite: boolean;
  /** Leaves the PostgreSQL database in place, to look at query plans. */
  keep: boolean;
}

const START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const INSTANTS = 50;

const bench = async (backend: BenchRow['backend'], db: SqlDatabase, events: number): Promise<BenchRow[]> => {
  let t0 = performance.now();
  const store = await storeWithMixedHistory(db, events, START);
  const appendSeconds = (performance.now() - t0) / 1000;
  const rows: BenchRow[] = [
    {
      backend,
      figure: 'append (mixed history, 1000-event appends)',
      value: events / appendSeconds,
      unit: 'events/s',
      note: `${events} events`,
    },
  ];
  for (const projection of allProjections) {
    const runner = new ProjectionRunner(db, store, projection, { batchSize: 1_000 });
    await runner.prepare();
    t0 = performance.now();
    await runner.catchUp();
    const rate = events / ((performance.now() - t0) / 1000);
    rows.push({ backend, figure: `${projection.name} catch-up from 0`, value: rate, unit: 'events/s' });
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
    rows.push(latencyRow(backend, `as-of ${label}`, samples, `over ${INSTANTS} instants`));
  }
  await store.close();
  return rows;
};

export const run = async (options: Partial<AsOfOptions> = {}): Promise<BenchRow[]> => {
  const o: AsOfOptions = { events: 100_000, pglite: true, keep: false, ...options };
  const rows: BenchRow[] = [];
  for await (const backend of benchBackends({ pglite: o.pglite, poolSize: 8 })) {
    rows.push(...(await bench(backend.name, await backend.open(), o.events)));
    if (o.keep && backend.url) console.log(`kept database ${backend.url}`);
    else await backend.cleanup();
  }
  return rows;
};

runIfMain(import.meta.url, 'as-of', () => {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '100000' },
      'no-pglite': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  return run({ events: Number(values.events), pglite: !values['no-pglite'], keep: values.keep });
});
