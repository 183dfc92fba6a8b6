import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type Principal, type SqlDatabase, type SqlQueryable } from '#event-store';
import {
  OPERATIONS_STREAM,
  PROJECTION_EVENT_SKIPPED,
  type Projection,
  ProjectionRebuild,
  ProjectionRunner,
  readSkips,
  skipFailedEvent,
} from '#projections';
import { appendTo, createTestPglite, createTestPostgres, newEvent } from '#testing';

/**
 * Counts events per type, and cannot fold a `Poison` while `broken.value`:
 * the deterministic stand-in for a fold that meets an event it cannot hold.
 * Flipping `broken` is a fix (a redeploy, or a cause that went away).
 */
const fragile = (broken: { value: boolean }): Projection => ({
  name: 'fragile',
  version: 1,
  eventTypes: ['A', 'B', 'Poison'],
  tables: ['t_fragile'],
  createTables: async (db, t) => {
    await db.query(`CREATE TABLE ${t('t_fragile')} (type text PRIMARY KEY, n integer NOT NULL)`);
  },
  apply: async (tx, events, t) => {
    for (const event of events) {
      if (broken.value && event.type === 'Poison') throw new Error('cannot fold Poison');
      await tx.query(
        `INSERT INTO ${t('t_fragile')} AS c (type, n) VALUES ($1, 1) ON CONFLICT (type) DO UPDATE SET n = c.n + 1`,
        [event.type],
      );
    }
  },
});

const counts = async (db: SqlQueryable) =>
  Object.fromEntries(
    (await db.query<{ type: string; n: number }>('SELECT type, n FROM t_fragile ORDER BY type')).map((r) => [
      r.type,
      r.n,
    ]),
  );

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 15_000) => {
  for (const started = Date.now(); !(await condition());) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const fast = { batchSize: 20, idleMs: 5, retryMs: 10, maxRetryMs: 40 };
const admin: Principal = { kind: 'api-key', id: 'k-ops', name: 'ops' };

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('a projection failing on an event (%s)', (_backend, createDb) => {
  let db: SqlDatabase;
  let store: PostgresEventStore;
  let poison: { position: number; eventId: string };
  let head: number;
  const runners: ProjectionRunner[] = [];
  const runner = (broken: boolean) => {
    const created = new ProjectionRunner(db, store, fragile({ value: broken }), fast);
    runners.push(created);
    return created;
  };
  const failedAt = async (r: ProjectionRunner) => (await r.status()).failedAt;

  /** 15 A and B, the poison in the middle of the second batch, then 9 A. */
  beforeEach(async () => {
    db = await createDb();
    store = await PostgresEventStore.open(db);
    for (let i = 0; i < 15; i += 1)
      await appendTo(store, `s-${randomUUID()}`, [newEvent('A'), newEvent('B')]);
    const event = newEvent('Poison');
    poison = {
      position: (await appendTo(store, 'poisoned', [event])).globalPosition,
      eventId: event.eventId,
    };
    for (let i = 0; i < 9; i += 1)
      head = (await appendTo(store, `s-${randomUUID()}`, [newEvent('A')])).globalPosition;
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
  });

  it('names the event, commits the ones before it, retries; every replica reports it; a fix resumes', async () => {
    const failing = runner(true);
    await failing.prepare();
    failing.start();
    await waitUntil(async () => ((await failedAt(failing))?.attempts ?? 0) >= 2);
    const status = await failing.status();
    expect(status).toMatchObject({
      state: 'failed',
      checkpoint: poison.position - 1,
      error: 'cannot fold Poison',
      failedAt: { ...poison, eventType: 'Poison', error: 'cannot fold Poison' },
      skipped: [],
      exact: true,
    });
    expect(await counts(db)).toEqual({ A: 15, B: 15 });
    // Retried with a backoff, and still the same failure since the first attempt.
    await waitUntil(
      async () => ((await failedAt(failing))?.attempts ?? 0) > (status.failedAt?.attempts ?? 0),
    );
    expect((await failedAt(failing))?.since).toBe(status.failedAt?.since);
    // Another replica, which does not run it, reports the same.
    expect(await runner(true).status()).toMatchObject({
      state: 'failed',
      failedAt: { position: poison.position },
    });

    // A fix deployed: the restarted runner folds the event and everything after it.
    await failing.stop();
    const fixed = runner(false);
    await fixed.prepare();
    fixed.start();
    expect(await fixed.waitFor(head, 15_000)).toBe(true);
    expect(await fixed.status()).toMatchObject({
      state: 'running',
      error: null,
      failedAt: null,
      exact: true,
    });
    expect(await counts(db)).toEqual({ A: 24, B: 15, Poison: 1 });
  });

  it('resumes by itself, without a restart, once the cause goes away', async () => {
    const broken = { value: true };
    const live = new ProjectionRunner(db, store, fragile(broken), fast);
    runners.push(live);
    await live.prepare();
    live.start();
    await waitUntil(async () => (await failedAt(live)) !== null);
    broken.value = false;
    expect(await live.waitFor(head, 15_000)).toBe(true);
    await waitUntil(async () => (await live.status()).state === 'running');
    expect(await live.status()).toMatchObject({ failedAt: null, error: null });
    expect(await counts(db)).toEqual({ A: 24, B: 15, Poison: 1 });
  });

  it('skips only the failing event, recorded in the ledger once; the status and a rebuild honour it', async () => {
    const live = runner(true);
    await live.prepare();
    live.start();
    await waitUntil(async () => (await failedAt(live)) !== null);
    const model = live.projection;
    const elsewhere = await skipFailedEvent(db, store, model, {
      position: poison.position - 1,
      reason: null,
      by: admin,
    });
    expect(elsewhere).toMatchObject({ kind: 'not-failed-there', failure: { position: poison.position } });

    const skip = { position: poison.position, reason: 'cannot be fixed', by: admin };
    const first = await skipFailedEvent(db, store, model, skip);
    expect(first).toMatchObject({
      kind: 'recorded',
      skip: {
        ...poison,
        eventType: 'Poison',
        error: 'cannot fold Poison',
        reason: 'cannot be fixed',
        by: admin,
      },
    });
    live.retryNow();
    expect(await live.waitFor(head, 15_000)).toBe(true);
    const skipped = [(first as { skip: unknown }).skip];
    expect(await live.status()).toMatchObject({ failedAt: null, skipped, exact: false });
    expect(await counts(db)).toEqual({ A: 24, B: 15 });

    // Asked again: the same skip, no second event.
    expect(await skipFailedEvent(db, store, model, skip)).toEqual({ kind: 'replayed', skip: skipped[0] });
    const log = await store.readStream(OPERATIONS_STREAM);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      type: PROJECTION_EVENT_SKIPPED,
      data: { projection: 'fragile', version: 1, ...poison, eventType: 'Poison', reason: 'cannot be fixed' },
      metadata: { principal: admin, actor: null },
    });
    expect(await skipFailedEvent(db, store, model, { ...skip, position: head })).toEqual({
      kind: 'not-failed-there',
      failure: null,
    });
    // A new version is a new fold: the skip is not its own.
    expect(await readSkips(store, { name: 'fragile', version: 2 })).toEqual([]);

    // A rebuild leaves the skipped event out too, and matches the live model.
    const rebuild = new ProjectionRebuild(db, store, live);
    expect(await rebuild.claim()).toBe(true);
    expect(await rebuild.run()).toMatchObject({ state: 'swapped', matchesLive: true, error: null });
    expect(await counts(db)).toEqual({ A: 24, B: 15 });
  });

  it('a rebuild that meets the failing event fails naming it, and leaves the live model as it was', async () => {
    const live = runner(true);
    await live.prepare();
    live.start();
    await waitUntil(async () => (await failedAt(live)) !== null);
    const rebuild = new ProjectionRebuild(db, store, live);
    expect(await rebuild.claim()).toBe(true);
    const progress = await rebuild.run();
    expect(progress.state).toBe('failed');
    expect(progress.error).toBe(`fragile fails at position ${poison.position} (Poison): cannot fold Poison`);
    expect(await counts(db)).toEqual({ A: 15, B: 15 });
  });
});
