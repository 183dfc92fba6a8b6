/**
 * Slow clients against the service's own HTTP limits: N connections, half
 * stopping mid-headers, half trickling a body a byte every 500 ms, then how
 * fast /health/live and an authenticated read answer while they are open, and
 * when the server closes the slow ones (and with what).
 * Usage: npm run bench:slow-clients [-- --connections 200] (limits from the
 * environment, e.g. LEDGER_HEADERS_TIMEOUT_MS=2000 LEDGER_REQUEST_TIMEOUT_MS=4000).
 */
import 'reflect-metadata';
import { connect, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { formatApiKey, newApiKeyToken } from '#access';
import { pgliteDatabase } from '#event-store';
import { createApp } from '../../apps/ledger-api/src/app.factory.js';
import { loadConfig } from '../../apps/ledger-api/src/config/ledger-config.js';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '200' } } });
const CONNECTIONS = Number(values.connections);
const ADMIN_KEY = formatApiKey(newApiKeyToken());
const started = performance.now();
const at = () => Math.round(performance.now() - started);

const HEADERS = 'POST /v1/team-members/p-x/register HTTP/1.1\r\nHost: x\r\n';
const BODY = `${HEADERS}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`;

interface Slow {
  kind: 'headers' | 'body';
  socket: Socket;
  closed: Promise<{ at: number; answer: string }>;
}

const openSlow = (port: number, kind: Slow['kind']): Promise<Slow> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<{ at: number; answer: string }>((done) =>
      socket.on('close', () => done({ at: at(), answer: received.split('\r\n')[0] || '(nothing)' })),
    );
    socket.on('connect', () => {
      socket.write(kind === 'headers' ? HEADERS : BODY);
      resolve({ kind, socket, closed });
    });
  });

const timed = async (url: string, headers: Record<string, string> = {}) => {
  const start = performance.now();
  const response = await fetch(url, { headers }).catch((error: Error) => ({ status: error.message }));
  return `${response.status} in ${(performance.now() - start).toFixed(1)} ms`;
};

const config = loadConfig({ ...process.env, LEDGER_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, DATABASE_URL: '' });
const app = await createApp(config, {
  database: pgliteDatabase(await PGlite.create('memory://')),
  logger: false,
});
await app.listen(0, '127.0.0.1');
const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
const port = Number(new URL(base).port);
console.log('limits', config.serverLimits);

const slow = await Promise.all(
  Array.from({ length: CONNECTIONS }, (_, i) => openSlow(port, i % 2 ? 'body' : 'headers')),
);
const opened = at();
console.log(`${CONNECTIONS} slow connections open (times below count from here)`);
const trickle = setInterval(
  () => slow.forEach((s) => s.kind === 'body' && s.socket.writable && s.socket.write(' ')),
  500,
);
for (let i = 0; i < 3; i += 1) {
  const live = await timed(`${base}/health/live`);
  const read = await timed(`${base}/v1/projections`, { authorization: `Bearer ${ADMIN_KEY}` });
  console.log(`at ${at() - opened} ms: /health/live ${live}; GET /v1/projections ${read}`);
  await new Promise((resolve) => setTimeout(resolve, 300));
}
const closings = await Promise.all(slow.map(async (s) => ({ kind: s.kind, ...(await s.closed) })));
clearInterval(trickle);
for (const kind of ['headers', 'body'] as const) {
  const times = closings.filter((c) => c.kind === kind).map((c) => c.at - opened);
  const answers = [...new Set(closings.filter((c) => c.kind === kind).map((c) => c.answer))];
  console.log(
    `slow ${kind}: ${times.length} closed between ${Math.min(...times)} and ${Math.max(...times)} ms, answered ${answers.join(' / ')}`,
  );
}
console.log(`after: /health/live ${await timed(`${base}/health/live`)}`);
await app.close();
