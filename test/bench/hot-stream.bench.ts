/**
 * One hot stream: N clients adding notes to one retro at once, without If-Match,
 * through one or more API replicas on one PostgreSQL server. Every request
 * should be a 201: a lost race is decided again, never answered 409.
 * Usage: DATABASE_URL=postgres://… npm run bench:hot-stream [-- --clients 16,32 --requests 10 --replicas 1,2]
 * (--requests is per client).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { connectPostgres, createDatabase, databaseUrl, dropDatabase } from '#event-store';
import { formatApiKey, newApiKeyToken } from '#access';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16,32' },
    requests: { type: 'string', default: '10' },
    replicas: { type: 'string', default: '1,2' },
  },
});
const CLIENTS = values.clients.split(',').map(Number);
const REQUESTS = Number(values.requests);
const REPLICAS = values.replicas.split(',').map(Number);

const ADMIN_KEY = formatApiKey(newApiKeyToken());
const HEADERS = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` };

const post = async (baseUrl: string, path: string, body: object) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text };
};

const required = async (baseUrl: string, path: string, body: object) => {
  const { status, text } = await post(baseUrl, path, body);
  if (status !== 201) throw new Error(`${path}: HTTP ${status} ${text}`);
};

/** Replicas of the service on one database, each with its own connections. */
const startReplicas = async (url: string, count: number) => {
  const apps: INestApplication[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const config = loadConfig({ LEDGER_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, LEDGER_RATE_LIMIT_COMMANDS: '0' });
    const app = await createApp(config, { database: connectPostgres(url, 16), logger: false });
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    urls.push((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  }
  return { urls, close: () => Promise.all(apps.map((app) => app.close())) };
};

/** ledger_command_lost_races_total, summed over the replicas. */
const lostRaces = async (urls: string[]) => {
  let total = 0;
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`, { headers: HEADERS })).text();
    total += Number(/^ledger_command_lost_races_total (\d+)$/m.exec(text)?.[1] ?? 0);
  }
  return total;
};

/** `clients` clients, each sending `REQUESTS` notes one after the other, spread over the replicas. */
const run = async (urls: string[], retroId: string, clients: number) => {
  await required(urls[0], `/v1/retros/${retroId}/open`, {
    subject: { kind: 'period', period: '2026-W48' },
    facilitator: 'person-mia',
  });
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const baseUrl = urls[client % urls.length];
      for (let n = 0; n < REQUESTS; n += 1) {
        const sent = performance.now();
        const { status } = await post(baseUrl, `/v1/retros/${retroId}/add-note`, {
          noteId: `c${client}-n${n}`,
          column: 'learning',
          text: `What client ${client} saw, number ${n}`,
          author: 'person-sam',
        });
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(0);
  return {
    statuses,
    seconds: (performance.now() - started) / 1000,
    latency: `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`,
  };
};

/** The stream holds the open and one note per 201, at revisions 0, 1, 2, … with no gap. */
const checkStream = async (url: string, retroId: string, accepted: number) => {
  const db = connectPostgres(url, 1);
  try {
    const rows = await db.query<{ revision: string }>(
      'SELECT stream_revision AS revision FROM ledger_events WHERE stream_id = $1 ORDER BY stream_revision',
      [`retro-${retroId}`],
    );
    const gapFree = rows.every((row, index) => Number(row.revision) === index);
    return rows.length === accepted + 1 && gapFree ? 'stream gap-free, one event per 201' : 'STREAM WRONG';
  } finally {
    await db.close();
  }
};

const benchReplicas = async (server: string, replicas: number) => {
  const name = `ledger_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(server, name);
  const url = databaseUrl(server, name);
  const service = await startReplicas(url, replicas);
  try {
    await required(service.urls[0], '/v1/team-members/person-mia/register', {
      displayName: 'Mia',
      team: 'marketing',
    });
    await required(service.urls[0], '/v1/team-members/person-sam/register', {
      displayName: 'Sam',
      team: 'sales',
    });
    for (const clients of CLIENTS) {
      const retroId = `hot-${clients}`;
      const racesBefore = await lostRaces(service.urls);
      const { statuses, seconds, latency } = await run(service.urls, retroId, clients);
      const races = (await lostRaces(service.urls)) - racesBefore;
      const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
      const requests = clients * REQUESTS;
      console.log(
        `PostgreSQL, ${replicas} replica${replicas > 1 ? 's' : ''}, ${String(clients).padStart(2)} clients: ` +
          `${requests} requests, ${counts.join(', ')} (${races} lost races decided again); ${seconds.toFixed(2)} s (${(requests / seconds).toFixed(0)}/s, ${latency}); ` +
          (await checkStream(url, retroId, statuses.get(201) ?? 0)),
      );
    }
  } finally {
    await service.close();
    await dropDatabase(server, name);
  }
};

const main = async () => {
  const server = process.env.DATABASE_URL;
  if (!server) {
    console.log('set DATABASE_URL to a PostgreSQL server: the hot-stream benchmark runs on PostgreSQL');
    return;
  }
  console.log(
    `one retro, AddRetroNote without If-Match, ${REQUESTS} requests per client, node ${process.version}`,
  );
  for (const replicas of REPLICAS) await benchReplicas(server, replicas);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
