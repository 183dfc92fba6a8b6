import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore, connectPostgres, findChainBreak } from '#event-store';
import { appendTo, createTestPostgres, newEvent, startEventStoreDbTestDouble } from '#testing';

/** Two API replicas on one EventStoreDB and one PostgreSQL append at once. */
describe('EventStoreDB backend with two replicas', () => {
  it('keeps one dense order and one unbroken hash chain', async () => {
    const double = await startEventStoreDbTestDouble();
    const db = await createTestPostgres();
    const replica = () =>
      EventStoreDbEventStore.open(
        EventStoreDBClient.connectionString(double.connectionString),
        connectPostgres(db.url, 4),
      );
    const [a, b] = await Promise.all([replica(), replica()]);
    const writes = Array.from({ length: 40 }, (_, i) =>
      appendTo(i % 2 === 0 ? a : b, `thing-${randomUUID()}`, [newEvent('A'), newEvent('B')]),
    );
    await Promise.all(writes);

    const all = await a.readAll();
    expect(all.map((e) => e.globalPosition)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(findChainBreak(all)).toBeNull();
    expect(await b.headPosition()).toBe(80);
    await Promise.all([a.close(), b.close()]);
    await db.close();
    await double.close();
  });
});
