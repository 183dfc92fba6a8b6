import { randomUUID } from 'node:crypto';
import {
  PostgresEventStore,
  type RecordedEvent,
  type SqlDatabase,
  type SqlQueryable,
  connectPostgres,
} from '#event-store';
import { CheckpointMovedError, ProjectionRunner, type Projection } from '#projections';
import { appendTo, createTestPglite, createTestPostgres, newEvent } from '#testing';

/** Counts events per type, one statement per event, so a batch can fail halfway. */
const countingProjection = (failOnce?: { afterEvents: number }): Projection => {
  let failed = false;
  return {
    name: 'counts',
    version: 1,
    eventTypes: ['A', 'B'],
    tables: ['t_counts'],
    createTables: async (db, t) => {
      await db.query(`CREATE TABLE ${t('t_counts')} (type text PRIMARY KEY, n integer NOT NULL)`);
    },
    apply: async (tx: SqlQueryable, events: readonly RecordedEvent[], t) => {
      for (const [index, event] of events.entries()) {
        if (failOnce && !failed && index === failOnce.afterEvents) {
          failed = true;
          throw new Error('interrupted mid-batch');
        }
        await tx.query(
          `INSERT INTO ${t('t_counts')} AS c (type, n) VALUES ($1, 1) ON CONFLICT (type) DO UPDATE SET n = c.n + 1`,
          [event.type],
        );
      }
    },
  };
};

const counts = async (db: SqlQueryable) =>
  Object.fromEntries(
    (await db.query<{ type: string; n: number }>('SELECT type, n FROM t_counts ORDER BY type')).map((r) => [
      r.type,
      r.n,
    ]),
  );

/** 25 A, 25 B and 10 C (which the projection ignores), interleaved. */
const appendHistory = async (store: PostgresEventStore) => {
  for (let i = 0; i < 25; i += 1) {
    await appendTo(store, `s-${randomUUID()}`, [newEvent('A'), newEvent('B')]);
    if (i % 5 === 0) await appendTo(store, `s-${randomUUID()}`, [newEvent('C'), newEvent('C')]);
  }
};

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('projection runner (%s)', (_backend, createDb) => {
  let db: SqlDatabase;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await createDb();
    store = await PostgresEventStore.open(db);
    await appendHistory(store);
  });
  afterEach(() => store.close());

  it('a run interrupted mid-batch leaves nothing behind, and the resumed run counts every event once', async () => {
    const runner = new ProjectionRunner(db, store, countingProjection({ afterEvents: 7 }), { batchSize: 20 });
    await runner.prepare();
    await expect(runner.step()).rejects.toThrow('interrupted mid-batch');
    expect(await counts(db)).toEqual({});
    expect((await runner.status()).checkpoint).toBe(0);

    await runner.catchUp();
    expect(await counts(db)).toEqual({ A: 25, B: 25 });
    expect(await runner.status()).toMatchObject({ checkpoint: 60, lag: 0 });
  });

  it('resumes from its checkpoint when more events arrive', async () => {
    const runner = new ProjectionRunner(db, store, countingProjection(), { batchSize: 7 });
    await runner.prepare();
    await runner.catchUp();
    await appendTo(store, 'later', [newEvent('B'), newEvent('C'), newEvent('A')]);
    await runner.catchUp();
    expect(await counts(db)).toEqual({ A: 26, B: 26 });
  });
});

describe('projection runner recovery (PGlite)', () => {
  it('a failing pass is reported and retried: the background runner catches up and clears the error', async () => {
    const db = await createTestPglite();
    const store = await PostgresEventStore.open(db);
    await appendHistory(store);
    const runner = new ProjectionRunner(db, store, countingProjection({ afterEvents: 3 }), { idleMs: 5 });
    await runner.prepare();
    runner.start();
    expect(await runner.waitFor(60, 5_000)).toBe(true);
    expect(await runner.status()).toMatchObject({ state: 'running', error: null, lag: 0 });
    expect(await counts(db)).toEqual({ A: 25, B: 25 });
    await runner.stop();
    await store.close();
  });

  it('under a steady stream of appends, waits after reaching the head so that a batch gathers many', async () => {
    const db = await createTestPglite();
    const store = await PostgresEventStore.open(db);
    const counting = countingProjection();
    const batches: number[] = [];
    const projection: Projection = {
      ...counting,
      apply: (tx, events, t) => {
        batches.push(events.length);
        return counting.apply(tx, events, t);
      },
    };
    const runner = new ProjectionRunner(db, store, projection, { idleMs: 1_000, lingerMs: 1_000 });
    await runner.prepare();
    runner.start();
    // Twenty appends 10 ms apart while the runner folds: without the linger it would fold them a few at a time.
    for (let i = 0; i < 20; i += 1) {
      await appendTo(store, `s-${i}`, [newEvent('A')]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await runner.waitFor(20, 10_000)).toBe(true);
    expect(await counts(db)).toEqual({ A: 20 });
    expect(batches.length).toBeLessThanOrEqual(3);
    await runner.stop();
    await store.close();
  });

  it('a runner of an older version leaves a newer model alone', async () => {
    const db = await createTestPglite();
    const store = await PostgresEventStore.open(db);
    await appendHistory(store);
    const newer = new ProjectionRunner(db, store, { ...countingProjection(), version: 2 });
    await newer.prepare();
    const older = new ProjectionRunner(db, store, countingProjection());
    await older.prepare();
    await expect(older.step()).rejects.toThrow('another version');
    expect(await counts(db)).toEqual({});
    await newer.catchUp();
    expect(await counts(db)).toEqual({ A: 25, B: 25 });
    await store.close();
  });
});

describe('projection runners on one PostgreSQL database', () => {
  it('replicas preparing together all succeed and share one model', async () => {
    const db = await createTestPostgres();
    const store = await PostgresEventStore.open(db);
    const pools = [1, 2, 3, 4].map(() => connectPostgres(db.url, 2));
    await Promise.all(pools.map((pool) => new ProjectionRunner(pool, store, countingProjection()).prepare()));
    const [row] = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM projection_checkpoints WHERE name = 'counts'`,
    );
    expect(Number(row.n)).toBe(1);
    await Promise.all(pools.map((pool) => pool.close()));
    await store.close();
  });

  it('two runners racing over the same projection still count every event exactly once', async () => {
    const db = await createTestPostgres();
    const store = await PostgresEventStore.open(db);
    await appendHistory(store);
    const other = connectPostgres(db.url, 4);
    const runners = [
      new ProjectionRunner(db, store, countingProjection(), { batchSize: 3 }),
      new ProjectionRunner(other, store, countingProjection(), { batchSize: 4 }),
    ];
    await runners[0].prepare();
    await runners[1].prepare();
    const race = (runner: ProjectionRunner) =>
      (async () => {
        for (;;) {
          // The loser of a race rolls back and tries again from the new checkpoint.
          const moved = await runner
            .step()
            .catch((error: unknown) => (error instanceof CheckpointMovedError ? 1 : Promise.reject(error)));
          if (moved === 0) return;
        }
      })();
    await Promise.all(runners.map(race));
    expect(await counts(db)).toEqual({ A: 25, B: 25 });
    await other.close();
    await store.close();
  });

  it('only the lease holder runs; when it dies another takes over', async () => {
    const db = await createTestPostgres();
    const store = await PostgresEventStore.open(db);
    await appendHistory(store);
    const replica = connectPostgres(db.url, 4);
    const first = new ProjectionRunner(db, store, countingProjection(), { idleMs: 20 });
    const second = new ProjectionRunner(replica, store, countingProjection(), { idleMs: 20 });
    await first.prepare();
    first.start();
    await first.waitFor(60, 5_000);
    second.start();
    await waitUntil(async () => (await second.status()).state === 'standby');
    expect((await first.status()).state).toBe('running');

    // The holder dies: its connections go; the server releases the advisory lock.
    await db.query(
      `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted`,
    );
    await first.stop();
    await waitUntil(async () => (await second.status()).state === 'running');
    await appendTo(store, 'after-takeover', [newEvent('A')]);
    expect(await second.waitFor(await store.headPosition(), 5_000)).toBe(true);
    expect(await counts(db)).toEqual({ A: 26, B: 25 });
    await second.stop();
    await replica.close();
    await store.close();
  });
});

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 10_000) => {
  for (const started = Date.now(); !(await condition());) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
