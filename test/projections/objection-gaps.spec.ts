import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { PostgresEventStore, type NewEvent, type SqlDatabase } from '#event-store';
import { ProjectionRunner, objectionGapsQuery, readObjectionGaps } from '#projections';
import { appendTo, createTestPglite, createTestPostgres } from '#testing';

const event = (type: string, data: NewEvent['data'], occurredAt: string): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: type === 'ObjectionLogged' ? 2 : 1,
  data,
  metadata: { commandId: randomUUID(), correlationId: 'c', causationId: 'c', actor: null, occurredAt },
});
const objection = (category: string, occurredAt: string) =>
  event(
    'ObjectionLogged',
    {
      objectionId: randomUUID(),
      category,
      text: 't',
      heardBy: 'sam',
      dealId: null,
      campaignId: null,
      blameFlag: false,
    },
    occurredAt,
  );
const published = (contentId: string, category: string, occurredAt: string) =>
  event(
    'ContentPublished',
    { contentId, category, title: `About ${category}`, url: 'https://x.example', publishedBy: 'mia' },
    occurredAt,
  );
const withdrawn = (contentId: string, occurredAt: string) =>
  event('ContentWithdrawn', { contentId, withdrawnBy: 'mia' }, occurredAt);

/** A store whose clock the test sets, so recordedAt (knowledge time) is known. */
const openAt = async (db: SqlDatabase) => {
  const clock = { now: new Date('2026-01-01T00:00:00Z') };
  const store = await PostgresEventStore.open(db, { now: () => clock.now });
  return { store, clock };
};

const project = async (db: SqlDatabase, store: PostgresEventStore) => {
  for (const projection of objectionGapsQuery.reads) {
    const runner = new ProjectionRunner(db, store, projection, { batchSize: 50 });
    await runner.prepare();
    await runner.catchUp();
  }
};

const taxonomy = ['price', 'timing', 'competitor', 'other'];
/**
 * Ten histories, each built twice in fresh databases: about 16 s on PGlite on an
 * idle machine, and over Jest's default 30 s when the machine is busy.
 */
const PROPERTY_TIMEOUT_MS = 240_000;

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('objection gaps (%s)', (_backend, createDb) => {
  it('counts the last 28 days and the 28 before, and finds categories without live content', async () => {
    const db = await createDb();
    const { store, clock } = await openAt(db);
    const record = async (e: NewEvent, recordedAt: string) => {
      clock.now = new Date(recordedAt);
      await appendTo(store, `x-${randomUUID()}`, [e]);
    };
    await record(objection('timing', '2026-09-01T10:00:00Z'), '2026-09-01T10:00:01Z');
    await record(objection('price', '2026-10-20T10:00:00Z'), '2026-10-20T10:00:01Z');
    await record(published('competitor-deck', 'competitor', '2026-11-01T10:00:00Z'), '2026-11-01T10:00:01Z');
    await record(published('roi', 'price', '2026-11-10T10:00:00Z'), '2026-11-10T10:00:01Z');
    await record(objection('price', '2026-11-20T10:00:00Z'), '2026-11-20T10:00:01Z');
    await record(objection('price', '2026-11-25T10:00:00Z'), '2026-11-25T10:00:01Z');
    await record(objection('competitor', '2026-11-28T10:00:00Z'), '2026-11-28T10:00:01Z');
    await record(withdrawn('competitor-deck', '2026-11-29T10:00:00Z'), '2026-11-29T10:00:01Z');
    await project(db, store);

    // T = 30 Nov: last 28 days = (2 Nov, 30 Nov], the 28 before = (5 Oct, 2 Nov].
    const now = new Date('2026-11-30T12:00:00Z');
    expect(await readObjectionGaps(db, taxonomy, { now })).toEqual([
      { category: 'competitor', last28Days: 1, previous28Days: 0, liveContent: [], gap: true },
      { category: 'other', last28Days: 0, previous28Days: 0, liveContent: [], gap: true },
      { category: 'timing', last28Days: 0, previous28Days: 0, liveContent: [], gap: true },
      {
        category: 'price',
        last28Days: 2,
        previous28Days: 1,
        liveContent: [{ contentId: 'roi', title: 'About price' }],
        gap: false,
      },
    ]);

    // As of 28 Nov 12:00 the deck was still live, and only what was recorded by then counts.
    const asOf = new Date('2026-11-28T12:00:00Z');
    const before = await readObjectionGaps(db, taxonomy, { asOf, now });
    expect(before.find((g) => g.category === 'competitor')).toEqual({
      category: 'competitor',
      last28Days: 1,
      previous28Days: 0,
      liveContent: [{ contentId: 'competitor-deck', title: 'About competitor' }],
      gap: false,
    });
    await store.close();
  });

  it(
    'as of any moment equals a from-scratch replay of the events recorded up to it',
    async () => {
      const day = 86_400_000;
      const start = Date.parse('2026-08-01T00:00:00Z');
      const step = fc.record({
        kind: fc.constantFrom('objection', 'objection', 'publish', 'withdraw'),
        category: fc.constantFrom(...taxonomy),
        content: fc.constantFrom('c1', 'c2', 'c3'),
        occurredDay: fc.integer({ min: 0, max: 120 }),
        recordedGapHours: fc.integer({ min: 0, max: 96 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 25 }),
          fc.integer({ min: 0, max: 130 }),
          async (steps, asOfDay) => {
            const full = await createDb();
            const { store, clock } = await openAt(full);
            const recorded: { event: NewEvent; at: Date }[] = [];
            // The domain's rules: content is published once, and withdrawn only while live.
            const content = new Map<string, 'live' | 'withdrawn'>();
            let at = start;
            for (const s of steps) {
              const occurredAt = new Date(start + s.occurredDay * day).toISOString();
              const state = content.get(s.content);
              let e = objection(s.category, occurredAt);
              if (s.kind === 'publish' && state === undefined) {
                content.set(s.content, 'live');
                e = published(s.content, s.category, occurredAt);
              } else if (s.kind === 'withdraw' && state === 'live') {
                content.set(s.content, 'withdrawn');
                e = withdrawn(s.content, occurredAt);
              }
              at += s.recordedGapHours * 3_600_000;
              clock.now = new Date(at);
              await appendTo(store, `x-${randomUUID()}`, [e]);
              recorded.push({ event: e, at: new Date(at) });
            }
            await project(full, store);
            const asOf = new Date(start + asOfDay * day);
            const answer = await readObjectionGaps(full, taxonomy, {
              asOf,
              now: new Date('2030-01-01T00:00:00Z'),
            });

            const replayDb = await createDb();
            const replay = await openAt(replayDb);
            for (const { event: e, at: when } of recorded.filter((r) => r.at.getTime() <= asOf.getTime())) {
              replay.clock.now = when;
              await appendTo(replay.store, `x-${randomUUID()}`, [{ ...e, eventId: randomUUID() }]);
            }
            await project(replayDb, replay.store);
            const replayed = await readObjectionGaps(replayDb, taxonomy, { now: asOf });
            await store.close();
            await replay.store.close();
            expect(answer).toEqual(replayed);
          },
        ),
        { numRuns: 10 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
