/**
 * Rebuild rate of the objection-gaps read model over 100,000 events, and the
 * latency of its as-of query, next to the raw ordered read rate of the same
 * database in the same run, and the streaming NDJSON export over HTTP (GET /v1/events,
 * Accept: application/x-ndjson) against that raw read. Usage: npm run bench:rebuild [-- --events 100000]
 * Backends: embedded PGlite always (skip with --no-pglite); a PostgreSQL server too when DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type NewEvent, PostgresEventStore, type SqlDatabase, anyState } from '#event-store';
import {
  ProjectionRebuild,
  ProjectionRunner,
  contentProjection,
  objectionGapsProjection,
  readObjectionGaps,
} from '#projections';
import { formatApiKey, newApiKeyToken } from '#access';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';
import { benchBackends } from './backends.js';
import { type BenchRow, compared, latencyRow, runIfMain } from './bench-table.js';
import { secondsSince as seconds } from './drive.js';

export interface RebuildOptions {
  events: number;
  pglite: boolean;
}

const PER_APPEND = 1_000;
const CATEGORIES = ['price', 'timing', 'competitor', 'feature-gap', 'integration', 'trust', 'other'];
const START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;

const objection = (i: number, total: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'ObjectionLogged',
  schemaVersion: 2,
  data: {
    objectionId: `o-${i}`,
    category: CATEGORIES[i % 7],
    text: 'heard on a call',
    heardBy: 'sam',
    dealId: null,
    campaignId: null,
    blameFlag: false,
  },
  metadata: {
    commandId: `bench-${i}`,
    correlationId: 'bench',
    causationId: 'bench',
    actor: null,
    occurredAt: new Date(START + Math.floor((i / total) * YEAR_MS)).toISOString(),
  },
});

/**
 * The export through the service: the app on the same database, measured once
 * its projections have caught up (so their catch-up does not share the CPU),
 * reading the whole body and counting its lines.
 */
const measureExport = async (db: SqlDatabase, events: number): Promise<number> => {
  const key = formatApiKey(newApiKeyToken());
  const app = await createApp(loadConfig({ LEDGER_BOOTSTRAP_ADMIN_KEY: key, LEDGER_RATE_LIMIT_READS: '0' }), {
    database: db,
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const headers = { authorization: `Bearer ${key}` };
  for (;;) {
    const statuses = (await (await fetch(`${base}/v1/projections`, { headers })).json()) as { lag: number }[];
    if (statuses.every((status) => status.lag === 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const t0 = performance.now();
  const response = await fetch(`${base}/v1/events`, {
    headers: { ...headers, accept: 'application/x-ndjson' },
  });
  let lines = 0;
  // Counted with indexOf, not byte by byte in JavaScript: the client shares the two cores with the service.
  for await (const chunk of response.body ?? []) {
    const bytes = Buffer.from(chunk as Uint8Array);
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines += 1;
  }
  const rate = lines / seconds(t0);
  await app.close();
  if (lines !== events) throw new Error(`the export held ${lines} events, not ${events}`);
  return rate;
};

const bench = async (backend: BenchRow['backend'], db: SqlDatabase, total: number): Promise<BenchRow[]> => {
  // Knowledge time spread over the year too, so as-of queries cut the history.
  let fakeNow = START;
  const store = await PostgresEventStore.open(db, { now: () => new Date(fakeNow) });
  let t0 = performance.now();
  for (let i = 0; i < total; i += PER_APPEND) {
    fakeNow = START + Math.floor((i / total) * YEAR_MS);
    const events = Array.from({ length: Math.min(PER_APPEND, total - i) }, (_, k) => objection(i + k, total));
    await store.append({
      streamId: `objection-bulk${i}`,
      events,
      expectedState: anyState,
      command: { commandId: `bulk-${i}`, fingerprint: 'f' },
    });
  }
  const appendSeconds = seconds(t0);

  t0 = performance.now();
  for (let after = 0; ;) {
    const page = await store.readAll({ afterPosition: after, maxCount: 10_000 });
    if (page.length === 0) break;
    after = page[page.length - 1].globalPosition;
  }
  const rawRead = total / seconds(t0);

  const runner = new ProjectionRunner(db, store, objectionGapsProjection);
  await runner.prepare();
  // Objection gaps are read with the content model beside them (no content in this history).
  await new ProjectionRunner(db, store, contentProjection).prepare();
  t0 = performance.now();
  await runner.catchUp();
  const liveRate = total / seconds(t0);
  t0 = performance.now();
  const rebuild = await new ProjectionRebuild(db, store, runner).run();
  const rebuildRate = total / seconds(t0);

  const latencies: number[] = [];
  for (let q = 0; q < 50; q += 1) {
    const asOf = new Date(START + ((q + 1) / 51) * YEAR_MS);
    const q0 = performance.now();
    await readObjectionGaps(db, CATEGORIES, { asOf, now: new Date() });
    latencies.push(performance.now() - q0);
  }
  const exportRate = await measureExport(db, total);
  // The app closed the database on its way out (createApp owns it), and with it this store's.
  const row = (figure: string, value: number) => ({ backend, figure, value, unit: 'events/s' });
  return [
    { ...row(`append, ${PER_APPEND}-event appends`, total / appendSeconds), note: `${total} events` },
    { ...row('ordered read (store readAll, pages of 10,000)', rawRead), note: 'the reference below' },
    compared(row('objection-gaps live catch-up', liveRate), 'ordered read', rawRead),
    {
      ...compared(row('objection-gaps blue/green rebuild', rebuildRate), 'ordered read', rawRead),
      note: `${rebuild.state}, checksum equal: ${rebuild.matchesLive}`,
    },
    latencyRow(backend, 'as-of objection gaps', latencies, 'over 50 instants'),
    compared(row('NDJSON export (HTTP)', exportRate), 'ordered read', rawRead),
  ];
};

export const run = async (options: Partial<RebuildOptions> = {}): Promise<BenchRow[]> => {
  const o: RebuildOptions = { events: 100_000, pglite: true, ...options };
  const rows: BenchRow[] = [];
  for await (const backend of benchBackends({ pglite: o.pglite, poolSize: 8 })) {
    rows.push(...(await bench(backend.name, await backend.open(), o.events)));
    await backend.cleanup();
  }
  return rows;
};

runIfMain(import.meta.url, 'rebuild', () => {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '100000' },
      'no-pglite': { type: 'boolean', default: false },
    },
  });
  return run({ events: Number(values.events), pglite: !values['no-pglite'] });
});
