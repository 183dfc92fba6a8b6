import { type Server, request as httpRequest } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import { startTestApp } from '../support/test-app.js';

/**
 * The incident of the issue "Trust boundary" (slow bodies holding every file
 * descriptor), test-sized: limits of a few seconds and a cap of 40. The limits
 * are the Node HTTP server's, set before any store is reached, so one backend
 * (PGlite, nothing to start) shows them; the others would change nothing.
 */
const LIMITS = {
  LEDGER_HEADERS_TIMEOUT_MS: '2000',
  LEDGER_REQUEST_TIMEOUT_MS: '3000',
  LEDGER_IDLE_TIMEOUT_MS: '1000',
  LEDGER_MAX_CONNECTIONS: '40',
};
/** Far beyond every limit above: waits end on events, this only turns a hang into a failure. */
const SAFETY_MS = 15_000;
const REQUEST_TIMEOUT_ANSWER = /^HTTP\/1\.1 408 Request Timeout\r\n/;

const within = <T>(promise: Promise<T>, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${SAFETY_MS} ms`)), SAFETY_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

const until = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + SAFETY_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${SAFETY_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Every slow client is answered 408 and closed, and the server holds none of them any more. */
const expectReaped = async (slow: RawClient[], openOnServer: () => number) => {
  const answers = await within(Promise.all(slow.map((client) => client.closed)), 'the slow clients closed');
  answers.forEach((answer) => expect(answer).toMatch(REQUEST_TIMEOUT_ANSWER));
  await until(() => openOnServer() === 0, 'the server let go of them');
};

interface RawClient {
  socket: Socket;
  isClosed: () => boolean;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
}

/** A raw connection that sends `first`, then `trickle` every 200 ms (if given) until the server closes it. */
const rawClient = (port: number, first: string, trickle?: string): RawClient => {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  let isClosed = false;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined); // a reset is a close too
  socket.once('connect', () => socket.write(first));
  const timer = trickle ? setInterval(() => socket.writable && socket.write(trickle), 200) : undefined;
  const closed = new Promise<string>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      clearInterval(timer);
      resolve(received);
    }),
  );
  return { socket, isClosed: () => isClosed, closed };
};

/** Headers that never end. */
const slowHeaders = (port: number) =>
  rawClient(port, 'POST /v1/team-members/p-x/register HTTP/1.1\r\nHost: x\r\n');
/** Slowloris: one more header line every 200 ms, never the blank line. */
const slowloris = (port: number) => rawClient(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\n', 'X-a: b\r\n');
/** Complete headers, then a body of 1000 bytes that comes one byte every 200 ms. */
const slowBody = (port: number) =>
  rawClient(
    port,
    'POST /v1/team-members/p-x/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 1000\r\n\r\n{',
    ' ',
  );

/** A legitimate client: a GET on a connection of its own. */
const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });

/** The app listening on a free port, with the connections its server holds and the ones it dropped. */
const startListening = async () => {
  const t = await startTestApp('pglite', LIMITS);
  await t.app.listen(0, '127.0.0.1');
  const server = t.app.getHttpServer() as Server;
  const open = new Set<Socket>();
  let dropped = 0;
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  server.on('drop', () => (dropped += 1));
  const port = (server.address() as AddressInfo).port;
  const admin = { authorization: `Bearer ${t.adminKey}` };
  return { t, server, port, admin, openOnServer: () => open.size, dropped: () => dropped };
};

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe('slow clients', () => {
  const clients: RawClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.socket.destroy()));

  it('serves legitimate requests while slow clients are connected, and closes those with a 408', async () => {
    const { t, server, port, admin, openOnServer } = await startListening();
    try {
      expect(server).toMatchObject({
        headersTimeout: 2000,
        requestTimeout: 3000,
        keepAliveTimeout: 1000,
        maxConnections: 40,
        connectionsCheckingInterval: 500,
        timeout: 120_000,
      });
      const slow = [
        ...times(10, () => slowHeaders(port)),
        ...times(10, () => slowloris(port)),
        ...times(10, () => slowBody(port)),
      ];
      clients.push(...slow);
      await until(() => openOnServer() === 30, 'the server holds the 30 slow connections');

      expect(await get(port, '/health/live')).toMatchObject({ status: 200 });
      expect(await get(port, '/v1/projections', admin)).toMatchObject({ status: 200 });
      expect(slow.filter((client) => client.isClosed()).length).toBe(0);

      await expectReaped(slow, openOnServer);
      expect(await get(port, '/health/live')).toMatchObject({ status: 200 });
    } finally {
      await t.close();
    }
  });

  it('closes a kept-alive connection that stays idle after its answer', async () => {
    const { t, port } = await startListening();
    try {
      const idle = rawClient(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
      clients.push(idle);
      const received = await within(idle.closed, 'the idle connection closed');
      expect(received.match(/^HTTP\/1\.1 \d{3}/gm)).toEqual(['HTTP/1.1 200']);
      expect(received).toContain('Keep-Alive: timeout=1');
    } finally {
      await t.close();
    }
  });

  it('closes connections over the cap on arrival, and serves again once the slow ones are reaped', async () => {
    const { t, port, admin, openOnServer, dropped } = await startListening();
    try {
      const slow = [...times(20, () => slowHeaders(port)), ...times(20, () => slowBody(port))];
      clients.push(...slow);
      await until(() => openOnServer() === 40, 'the server holds 40 slow connections');

      await expect(get(port, '/health/live')).rejects.toThrow();
      const over = rawClient(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
      clients.push(over);
      expect(await within(over.closed, 'the connection over the cap closed')).toBe('');
      expect(dropped()).toBe(2);

      await expectReaped(slow, openOnServer);
      expect(await get(port, '/health/live')).toMatchObject({ status: 200 });
      expect(await get(port, '/v1/projections', admin)).toMatchObject({ status: 200 });
      const metrics = await get(port, '/metrics', admin);
      expect(metrics.body).toMatch(/^ledger_http_connections_dropped_total 2$/m);
    } finally {
      await t.close();
    }
  });
});
