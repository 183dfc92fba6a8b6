import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  EventStoreDbEventStore,
  type EventStoreDbOptions,
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

  it('intent recorded, events never sent: the retry runs the command afresh, once', async () => {
    const db = await createTestPostgres();
    const dying = await open(db.url, { beforeAppend: crash });
    const stream = `thing-${randomUUID()}`;
    const commandId = randomUUID();
    await expect(appendTo(dying, stream, [newEvent('A')], noStream, commandId)).rejects.toThrow();

    const restarted = await open(db.url);
    expect(await restarted.findCommand(commandId)).toBeNull();
    const retry = await appendTo(restarted, stream, [newEvent('A')], noStream, commandId);
    expect(retry.replayed).toBe(false);
    expect(await restarted.readStream(stream)).toHaveLength(1);
    expect((await restarted.findCommand(commandId))?.result).toEqual(retry);
    await Promise.all([dying.close(), restarted.close()]);
    await db.close();
  });
});
