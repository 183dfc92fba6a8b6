import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
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

  it('refuses to read past a position the log holds twice, rather than skip it', async () => {
    const double = await startEventStoreDbTestDouble();
    const db = await createTestPostgres();
    const store = await EventStoreDbEventStore.open(
      EventStoreDBClient.connectionString(double.connectionString),
      db,
    );
    const first = await appendTo(store, `thing-${randomUUID()}`, [newEvent('A')]);
    // A writer that does not hold the ledger's lock chains another event after the same head.
    const [event] = await store.readAll();
    const forged = jsonEvent({
      type: 'Forged',
      data: {},
      metadata: {
        ledger: {
          position: first.globalPosition,
          previousHash: event.previousHash,
          hash: event.hash,
          schemaVersion: 1,
        },
        event: event.metadata,
      },
    });
    const raw = EventStoreDBClient.connectionString(double.connectionString);
    await raw.appendToStream(`thing-${randomUUID()}`, forged);
    await raw.dispose();
    await expect(store.readAll()).rejects.toThrow(
      /ledger order broken in EventStoreDB: position 1 follows 1/,
    );
    await store.close();
    await double.close();
  });
});
