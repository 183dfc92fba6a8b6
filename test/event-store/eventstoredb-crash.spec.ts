import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import {
  EventStoreDbEventStore,
  type EventStoreDbOptions,
  EventStoreUnavailableError,
  connectPostgres,
  findChainBreak,
  noStream,
} from '#event-store';
import { appendTo, createTestPostgres, newEvent, startEventStoreDbTestDouble } from '#testing';

/**
 * A process dying between its two writes (command record in PostgreSQL, events
 * in EventStoreDB) loses no acknowledged command and applies none twice.
 */
describe('EventStoreDB backend across a crash', () => {
  let double: Awaited<ReturnType<typeof startEventStoreDbTestDouble>>;
  beforeAll(async () => {
    double = await startEventStoreDbTestDouble();
  });
  afterAll(() => double.close());

  const crash = async () => {
    throw new Error('process died here');
  };
  /** A store on the suite's database, as a process (re)started on it would open it. */
  const open = (url: string, options: EventStoreDbOptions = {}) =>
    EventStoreDbEventStore.open(
      EventStoreDBClient.connectionString(double.connectionString),
      connectPostgres(url, 2),
      options,
    );

  it('events sent, result not recorded: the retry finds them and answers with them, appending nothing', async () => {
    const db = await createTestPostgres();
    const dying = await open(db.url, { afterAppend: crash });
    const stream = `thing-${randomUUID()}`;
    const commandId = randomUUID();
    const events = [newEvent('A'), newEvent('B')];
    await expect(appendTo(dying, stream, events, noStream, commandId)).rejects.toThrow('process died here');

    const restarted = await open(db.url);
    const found = await restarted.findCommand(commandId);
    expect(found?.result.events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    const retry = await appendTo(restarted, stream, events, noStream, commandId);
    expect(retry.replayed).toBe(true);
    expect(retry.events).toEqual(found?.result.events);
    expect((await restarted.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
    expect(findChainBreak(await restarted.readAll())).toBeNull();
    await Promise.all([dying.close(), restarted.close()]);
    await db.close();
  });

  it('intent recorded, answer lost before sending: the next append sends it first, in its own place', async () => {
    const db = await createTestPostgres();
    const dying = await open(db.url, { beforeAppend: crash });
    const first = `thing-${randomUUID()}`;
    const commandId = randomUUID();
    const lost = newEvent('Lost');
    await expect(appendTo(dying, first, [lost], noStream, commandId)).rejects.toThrow('process died here');

    // Another replica appends something else: the intent in doubt is settled before it, at the position it claimed.
    const other = await open(db.url);
    const head = await other.headPosition();
    const next = await appendTo(other, `thing-${randomUUID()}`, [newEvent('Next')]);
    expect(next.globalPosition).toBe(head + 2);
    const [landed] = await other.readStream(first);
    expect([landed.eventId, landed.globalPosition]).toEqual([lost.eventId, head + 1]);
    expect(findChainBreak(await other.readAll())).toBeNull();

    // The client's retry gets the result; nothing is appended twice.
    const retry = await appendTo(other, first, [lost], noStream, commandId);
    expect(retry).toMatchObject({ replayed: true, globalPosition: head + 1 });
    expect(await other.readStream(first)).toHaveLength(1);
    await Promise.all([dying.close(), other.close()]);
    await db.close();
  });

  it('an intent whose revision was taken meanwhile is forgotten, and the command runs afresh', async () => {
    const db = await createTestPostgres();
    const dying = await open(db.url, { beforeAppend: crash });
    const stream = `thing-${randomUUID()}`;
    const commandId = randomUUID();
    await expect(appendTo(dying, stream, [newEvent('Lost')], noStream, commandId)).rejects.toThrow();
    // A writer outside the ledger takes the stream's first revision directly in EventStoreDB.
    const raw = EventStoreDBClient.connectionString(double.connectionString);
    await raw.appendToStream(stream, jsonEvent({ type: 'Foreign', data: {} }));

    const restarted = await open(db.url);
    expect(await restarted.findCommand(commandId)).toBeNull();
    await raw.dispose();
    await Promise.all([dying.close(), restarted.close()]);
    await db.close();
  });

  it('an append EventStoreDB does not confirm is a retryable unavailability, left in doubt to be settled', async () => {
    const own = await startEventStoreDbTestDouble();
    const db = await createTestPostgres();
    const store = await EventStoreDbEventStore.open(
      EventStoreDBClient.connectionString(own.connectionString),
      db,
      {
        beforeAppend: () => own.close(),
      },
    );
    const commandId = randomUUID();
    await expect(
      appendTo(store, `thing-${randomUUID()}`, [newEvent('A')], noStream, commandId),
    ).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const [row] = await db.query<{ result: unknown }>(
      'SELECT result FROM ledger_esdb_commands WHERE command_id = $1',
      [commandId],
    );
    expect(row).toEqual({ result: null });
    await store.close();
  });
});
