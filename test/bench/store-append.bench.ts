/**
 * Appends at the store level, next to the raw database in the same run: our
 * PostgresEventStore's append (one event a call, at concurrency 1 and 16),
 * appendMany (group commit: 100 requests of one event a call) and one request
 * of 100 events, against bare INSERTs; its readAll against a raw ordered read;
 * and, on PostgreSQL, Emmett's event store appending the same payload.
 * Usage: npm run build && node dist/test/bench/store-append.bench.js
 *   [--count 1000 --batches 50 --concurrency 1,16 --no-emmett --no-pglite]
 * Backends: embedded PGlite always (skip with --no-pglite); a PostgreSQL server too when DATABASE_URL is set.
 */
import { parseArgs } from 'node:util';
import { PostgresEventStore } from '#event-store';
import { type BenchBackend, benchBackends } from './backends.js';
import { type BenchRow, compared, latencies, runIfMain } from './bench-table.js';
import { type EmmettRates, emmettRates } from './emmett-peer.js';
import {
  type RawFigures,
  type StoreFigureOptions,
  type StoreFigures,
  rawFigures,
  storeFigures,
  warmUp,
} from './store-figures.js';

export interface StoreAppendOptions extends StoreFigureOptions {
  pglite: boolean;
  emmett: boolean;
}

const DEFAULTS: StoreAppendOptions = {
  count: 1000,
  batches: 50,
  perCall: 100,
  concurrency: [1, 16],
  pglite: true,
  emmett: true,
};

const tail = (samples: number[]) => {
  const { p50, p99 } = latencies(samples);
  return `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`;
};

const ourRows = (
  backend: BenchBackend['name'],
  o: StoreAppendOptions,
  raw: RawFigures,
  ours: StoreFigures,
) => {
  const row = (figure: string, value: number, unit: string) => ({ backend, figure, value, unit });
  const n = o.perCall;
  const rows: BenchRow[] = [];
  for (const [c, { rate, samples }] of raw.single)
    rows.push({ ...row(`raw INSERT, 1 row/tx, c${c}`, rate, 'rows/s'), note: tail(samples) });
  rows.push(row(`raw INSERT, ${n} rows/tx`, raw.batched, 'rows/s'));
  rows.push(row('raw ordered read, pages of 1000', raw.read, 'rows/s'));
  for (const [c, { rate, samples }] of ours.single) {
    const figure = compared(
      row(`append, 1 event/call, c${c}`, rate, 'events/s'),
      `raw c${c}`,
      raw.single.get(c)!.rate,
    );
    rows.push({ ...figure, note: tail(samples) });
  }
  rows.push(
    compared(row(`appendMany, ${n} requests x 1 event`, ours.many, 'events/s'), `raw ${n}/tx`, raw.batched),
  );
  rows.push(
    compared(row(`append, 1 request x ${n} events`, ours.oneRequest, 'events/s'), `raw ${n}/tx`, raw.batched),
  );
  rows.push(compared(row('readAll, pages of 1000', ours.read, 'events/s'), 'raw read', raw.read));
  return rows;
};

/** Emmett's figures against the raw ones, then ours against Emmett's. */
const emmettRows = (o: StoreAppendOptions, raw: RawFigures, ours: StoreFigures, peer: EmmettRates) => {
  const note = 'peer, PostgreSQL only';
  const row = (figure: string, value: number) => ({
    backend: 'PostgreSQL' as const,
    figure,
    value,
    unit: 'events/s',
  });
  const n = o.perCall;
  const rows: BenchRow[] = [];
  for (const [c, rate] of peer.single)
    rows.push({
      ...compared(row(`Emmett appendToStream, 1 event, c${c}`, rate), `raw c${c}`, raw.single.get(c)!.rate),
      note,
    });
  rows.push({
    ...compared(row(`Emmett appendToStream, ${n} events`, peer.batched), `raw ${n}/tx`, raw.batched),
    note,
  });
  for (const [c, rate] of peer.single)
    rows.push(
      compared(row(`append, 1 event/call, c${c} vs Emmett`, ours.single.get(c)!.rate), `Emmett c${c}`, rate),
    );
  rows.push(
    compared(row(`append, 1 request x ${n} events vs Emmett`, ours.oneRequest), `Emmett ${n}`, peer.batched),
  );
  return rows;
};

const benchBackend = async (backend: BenchBackend, o: StoreAppendOptions): Promise<BenchRow[]> => {
  const db = await backend.open();
  await warmUp(db, Math.max(...o.concurrency));
  const raw = await rawFigures(db, o);
  const store = await PostgresEventStore.open(db);
  const ours = await storeFigures(store, o);
  await store.close();
  await backend.cleanup();
  const rows = ourRows(backend.name, o, raw, ours);
  if (!o.emmett) return rows;
  if (backend.name === 'PGlite')
    return [
      ...rows,
      { backend: 'PGlite', figure: 'Emmett appendToStream', value: NaN, unit: '', note: 'PostgreSQL only' },
    ];
  return [...rows, ...emmettRows(o, raw, ours, await emmettRates(process.env.DATABASE_URL!, o))];
};

export const run = async (options: Partial<StoreAppendOptions> = {}): Promise<BenchRow[]> => {
  const o = { ...DEFAULTS, ...options };
  const rows: BenchRow[] = [];
  for await (const backend of benchBackends({ pglite: o.pglite, poolSize: Math.max(...o.concurrency) }))
    rows.push(...(await benchBackend(backend, o)));
  return rows;
};

runIfMain(import.meta.url, 'store-append', () => {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: String(DEFAULTS.count) },
      batches: { type: 'string', default: String(DEFAULTS.batches) },
      concurrency: { type: 'string', default: DEFAULTS.concurrency.join(',') },
      'no-pglite': { type: 'boolean', default: false },
      'no-emmett': { type: 'boolean', default: false },
    },
  });
  return run({
    count: Number(values.count),
    batches: Number(values.batches),
    concurrency: values.concurrency.split(',').map(Number),
    pglite: !values['no-pglite'],
    emmett: !values['no-emmett'],
  });
});
