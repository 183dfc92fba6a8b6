import { randomUUID } from 'node:crypto';
import { PostgresEventStore, connectPostgres, type EventStore } from '#event-store';
import { appendTo, createTestPostgres, newEvent, take } from '#testing';

const WRITERS = 4;
const APPENDS_PER_WRITER = 15;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writers in separate pools (as separate processes would be) hold their
 * transactions open for a random time before COMMIT, so a position taken
 * early could commit late. A subscriber that started before them must still
 * see every event exactly once, in one consistent order.
 */
describe('ordering without silent gaps (PostgreSQL server, concurrent delayed commits)', () => {
  let reader: EventStore;
  let writers: EventStore[];

  beforeAll(async () => {
    const db = await createTestPostgres();
    reader = await PostgresEventStore.open(db);
    writers = await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        return PostgresEventStore.open(connectPostgres(db.url, 2), {
          beforeCommit: () => sleep(Math.random() * 30),
        });
      }),
    );
  });

  afterAll(async () => {
    await Promise.all(writers.map((w) => w.close()));
    await reader.close();
  });

  it('delivers every event exactly once, in position order, matching the stored order', async () => {
    const total = WRITERS * APPENDS_PER_WRITER * 2;
    const subscription = reader.subscribe({ afterPosition: 0, batchSize: 7 });
    const delivered = take(subscription, total, 60_000);

    await Promise.all(
      writers.map(async (writer, w) => {
        for (let i = 0; i < APPENDS_PER_WRITER; i += 1) {
          await appendTo(writer, `writer${w}-${randomUUID()}`, [
            newEvent('Written', { w, i, part: 1 }),
            newEvent('Written', { w, i, part: 2 }),
          ]);
        }
      }),
    );

    const events = await delivered;
    await subscription.close();
    const positions = events.map((e) => e.globalPosition);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(total);
    expect(positions).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const stored = await reader.readAll({ afterPosition: 0, maxCount: total + 1 });
    expect(stored.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  });
});

describe('live subscription on a one-connection pool (PostgreSQL server)', () => {
  it('a waiting subscriber does not hold the connection the writer needs', async () => {
    const db = await createTestPostgres();
    const store = await PostgresEventStore.open(connectPostgres(db.url, 1));
    const subscription = store.subscribe({ afterPosition: 0 });
    const delivered = take(subscription, 2);
    await sleep(50); // let the subscriber reach its live wait
    await appendTo(store, 'solo-1', [newEvent('A')]);
    await appendTo(store, 'solo-2', [newEvent('B')]);
    expect((await delivered).map((e) => e.type)).toEqual(['A', 'B']);
    await subscription.close();
    await store.close();
    await db.close();
  });
});
