import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, PostgresEventStore, connectPostgres, openEmbeddedDatabase } from '#event-store';
import { createTestPostgres } from '#testing';
import { EVENT_STORE } from '../../apps/ledger-api/src/event-store/event-store.module.js';
import { GracefulShutdown } from '../../apps/ledger-api/src/operability/graceful-shutdown.js';
import { ReadModels } from '../../apps/ledger-api/src/projections/read-models.js';
import { type Backend, backends, startTestApp } from '../support/test-app.js';

/** A database that outlives the app, to look at what it stored after it closed. */
const durableDatabase = async (backend: Backend) => {
  if (backend === 'pglite') {
    const dir = join(await mkdtemp(join(tmpdir(), 'ledger-shutdown-')), 'data');
    return { database: await openEmbeddedDatabase(dir), reopen: () => openEmbeddedDatabase(dir) };
  }
  const keeper = await createTestPostgres();
  return { database: connectPostgres(keeper.url, 4), reopen: async () => keeper };
};

const acceptsConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
    socket.once('connect', () => socket.destroy());
  });

const deferred = () => {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe.each(backends)('graceful shutdown on %s', (backend) => {
  it('stops accepting connections, lets the command in flight finish with 201 before the projections stop, then closes', async () => {
    const { database, reopen } = await durableDatabase(backend);
    const t = await startTestApp(backend, {}, database);
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    const shutdown = t.app.get(GracefulShutdown);
    // Hold the command inside its append until the shutdown has begun.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    const inAppend = deferred();
    const release = deferred();
    let stored = false;
    store.append = async (request) => {
      inAppend.resolve();
      await release.promise;
      const result = await append(request);
      stored = true;
      return result;
    };
    // The projections stop (and give up their leases) only once the request is done.
    const runners = t.app.get(ReadModels);
    const stopRunners = runners.beforeApplicationShutdown.bind(runners);
    let storedBeforeRunnersStopped: boolean | undefined;
    runners.beforeApplicationShutdown = () => {
      storedBeforeRunnersStopped = stored;
      return stopRunners();
    };
    const pending = fetch(`${url}/v1/team-members/p-late/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: JSON.stringify({ displayName: 'Late Arrival', team: 'sales' }),
    });
    await inAppend.promise;

    const closing = t.app.close();
    while (!shutdown.isDraining) await new Promise((resolve) => setImmediate(resolve));
    expect(await acceptsConnections(url)).toBe(false);
    release.resolve();
    const response = await pending;
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ streamId: 'roster', streamRevision: 0 });
    await closing;
    expect(storedBeforeRunnersStopped).toBe(true);

    const after = await PostgresEventStore.open(await reopen());
    const events = await after.readStream('roster');
    await after.close();
    expect(events.map((event) => event.type)).toEqual(['TeamMemberRegistered']);
  });
});
