import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent, type SqlDatabase } from '#event-store';
import {
  ProjectionRebuild,
  ProjectionRunner,
  checksum,
  readRebuild,
  liveTables,
  contentProjection,
  objectionGapsProjection,
  readObjectionGaps,
} from '#projections';
import { appendTo, createTestPglite, createTestPostgres } from '#testing';

const objection = (category: string, day: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'ObjectionLogged',
  schemaVersion: 2,
  data: {
    objectionId: randomUUID(),
    category,
    text: 't',
    heardBy: 'sam',
    dealId: null,
    campaignId: null,
    blameFlag: false,
  },
  metadata: {
    commandId: randomUUID(),
    correlationId: 'c',
    causationId: 'c',
    actor: null,
    occurredAt: new Date(Date.UTC(2026, 10, day)).toISOString(),
  },
});

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('blue/green rebuild (%s)', (_backend, createDb) => {
  let db: SqlDatabase;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  beforeEach(async () => {
    db = await createDb();
    store = await PostgresEventStore.open(db);
    for (let i = 0; i < 40; i += 1)
      await appendTo(store, `o-${i}`, [objection(['price', 'timing', 'trust'][i % 3], 1 + (i % 28))]);
    runner = new ProjectionRunner(db, store, objectionGapsProjection);
    await runner.prepare();
    await runner.catchUp();
    // Objection gaps are read with the content model beside them (here, no content).
    await new ProjectionRunner(db, store, contentProjection).prepare();
  });
  afterEach(() => store.close());

  it('rebuilds from position 0 into a model whose checksum equals the live one, swaps it in, and can do it again', async () => {
    const before = await checksum(db, objectionGapsProjection, liveTables);
    const first = await new ProjectionRebuild(db, store, runner, 7).run();
    expect(first).toMatchObject({
      state: 'swapped',
      processed: 40,
      total: 40,
      matchesLive: true,
      error: null,
    });
    expect(first.checksum).toBe(before);
    expect(await checksum(db, objectionGapsProjection, liveTables)).toBe(before);
    const second = await new ProjectionRebuild(db, store, runner, 50).run();
    expect(second).toMatchObject({ state: 'swapped', matchesLive: true, checksum: before });
    const [shadow] = await db.query<{ found: string | null }>(
      `SELECT to_regclass('rm_objection_facts__rebuild')::text AS found`,
    );
    expect(shadow.found).toBeNull();
  });

  it('a live model altered by hand is reported as different and replaced by the rebuilt one', async () => {
    const healthy = await checksum(db, objectionGapsProjection, liveTables);
    await db.query(`UPDATE rm_objection_facts SET category = 'other' WHERE category = 'trust'`);
    const rebuilt = await new ProjectionRebuild(db, store, runner).run();
    expect(rebuilt).toMatchObject({ state: 'swapped', matchesLive: false, checksum: healthy });
    const now = new Date('2026-11-30T00:00:00Z');
    const trust = (await readObjectionGaps(db, ['trust'], { now })).find((g) => g.category === 'trust');
    // 13 trust objections (i = 2, 5, …, 38) minus the one on 2 Nov (i = 29), which is outside (2 Nov, 30 Nov].
    expect(trust?.last28Days).toBe(12);
  });

  it('events appended while the rebuild runs are in the swapped-in model', async () => {
    const rebuild = new ProjectionRebuild(db, store, runner, 5);
    const running = rebuild.run();
    await appendTo(store, 'late', [objection('timing', 27)]);
    await runner.catchUp();
    expect(await running).toMatchObject({ state: 'swapped', matchesLive: true });
    const gaps = await readObjectionGaps(db, ['timing'], { now: new Date('2026-11-30T00:00:00Z') });
    const timing = gaps.find((g) => g.category === 'timing');
    // 13 timing objections (i = 1, 4, …, 37) minus those on 1 and 2 Nov, outside (2 Nov, 30 Nov], plus the late one.
    expect(timing?.last28Days).toBe(12);
  });

  it('runs one rebuild of a projection at a time across replicas, and every replica reports it', async () => {
    const otherReplica = new ProjectionRunner(db, store, objectionGapsProjection);
    const here = new ProjectionRebuild(db, store, runner, 5);
    const there = new ProjectionRebuild(db, store, otherReplica, 5);
    expect(await here.claim()).toBe(true);
    expect(await there.claim()).toBe(false);
    const done = await here.run();
    expect(await readRebuild(db, objectionGapsProjection.name)).toEqual(done);
    // Once it has finished, the slot is free again.
    expect(await there.claim()).toBe(true);
    expect(await there.run()).toMatchObject({ state: 'swapped', matchesLive: true });
  });

  it('frees the slot of a rebuild whose replica stopped reporting', async () => {
    const abandoned = new ProjectionRebuild(db, store, runner, 5);
    expect(await abandoned.claim()).toBe(true);
    await db.query(
      `UPDATE projection_rebuilds SET heartbeat_at = now() - interval '61 seconds' WHERE name = $1`,
      [objectionGapsProjection.name],
    );
    expect(await new ProjectionRebuild(db, store, runner, 5).claim()).toBe(true);
  });
});
