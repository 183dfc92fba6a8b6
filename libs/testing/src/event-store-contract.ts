import { randomUUID } from 'node:crypto';
import {
  CommandIdReusedError,
  type EventStore,
  type ExpectedState,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedVersionError,
  anyState,
  atRevision,
  findChainBreak,
  noStream,
  streamExists,
} from '#event-store';

export const newEvent = (type: string, data: NewEvent['data'] = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    commandId: 'cmd',
    correlationId: 'corr',
    causationId: 'cmd',
    actor: 'tester',
    occurredAt: '2026-11-02T09:00:00.000Z',
  },
});

export const appendTo = (
  store: EventStore,
  streamId: string,
  events: NewEvent[],
  expectedState: ExpectedState = anyState,
  commandId: string = randomUUID(),
) => store.append({ streamId, events, expectedState, command: { commandId, fingerprint: 'f' } });

/** Takes `count` events from a subscription, failing after `timeoutMs`. */
export const take = async (
  source: AsyncIterable<RecordedEvent>,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> => {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${taken.length}/${count} events`)), timeoutMs);
  });
  const collect = (async () => {
    for await (const event of source) {
      taken.push(event);
      if (taken.length === count) break;
    }
  })();
  try {
    await Promise.race([collect, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return taken;
};

/**
 * The behaviour every EventStore backend must show. Each test uses stream
 * ids of its own, so one store may serve the whole suite.
 */
export const describeEventStoreContract = (backend: string, openStore: () => Promise<EventStore>): void => {
  describe(`EventStore contract: ${backend}`, () => {
    let store: EventStore;
    const stream = (category = 'thing') => `${category}-${randomUUID()}`;

    beforeAll(async () => {
      store = await openStore();
    });
    afterAll(async () => {
      await store.close();
    });

    describe('append and read a stream', () => {
      it('numbers revisions from 0 and positions in one global order', async () => {
        const id = stream();
        const first = await appendTo(store, id, [newEvent('A'), newEvent('B')], noStream);
        const second = await appendTo(store, id, [newEvent('C')], atRevision(1));
        expect(first.streamRevision).toBe(1);
        expect(second.streamRevision).toBe(2);
        expect(second.globalPosition).toBe(first.globalPosition + 1);
        const events = await store.readStream(id);
        expect(events.map((e) => [e.type, e.streamRevision])).toEqual([
          ['A', 0],
          ['B', 1],
          ['C', 2],
        ]);
        expect(events.map((e) => e.globalPosition)).toEqual(
          first.events.map((e) => e.globalPosition).concat(second.globalPosition),
        );
        expect(await store.streamRevision(id)).toBe(2);
      });

      it('keeps data, metadata and schema version and stamps recordedAt', async () => {
        const id = stream();
        const event = newEvent('Noted', {
          text: 'ünïcødé ✓',
          amount: 12.5,
          tags: ['a'],
          nested: { x: null },
        });
        await appendTo(store, id, [event]);
        const [read] = await store.readStream(id);
        expect(read.eventId).toBe(event.eventId);
        expect(read.data).toEqual(event.data);
        expect(read.schemaVersion).toBe(1);
        expect(read.metadata).toMatchObject(event.metadata);
        expect(Date.parse(read.metadata.recordedAt)).not.toBeNaN();
      });

      it('reads backwards, from a revision, and at most maxCount', async () => {
        const id = stream();
        await appendTo(
          store,
          id,
          ['A', 'B', 'C', 'D'].map((t) => newEvent(t)),
        );
        const types = (events: RecordedEvent[]) => events.map((e) => e.type);
        expect(types(await store.readStream(id, { direction: 'backwards' }))).toEqual(['D', 'C', 'B', 'A']);
        expect(types(await store.readStream(id, { fromRevision: 2 }))).toEqual(['C', 'D']);
        expect(types(await store.readStream(id, { direction: 'backwards', fromRevision: 1 }))).toEqual([
          'B',
          'A',
        ]);
        expect(types(await store.readStream(id, { fromRevision: 1, maxCount: 2 }))).toEqual(['B', 'C']);
      });

      it('reads an unknown stream as empty with no revision', async () => {
        expect(await store.readStream(stream())).toEqual([]);
        expect(await store.streamRevision(stream())).toBe(-1);
      });
    });

    describe('expected state', () => {
      const rejects = async (id: string, expected: ExpectedState, actual: number) => {
        const attempt = appendTo(store, id, [newEvent('X')], expected);
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(attempt).rejects.toMatchObject({ streamId: id, actualRevision: actual });
      };

      it('no-stream fails once the stream exists', async () => {
        const id = stream();
        await appendTo(store, id, [newEvent('A')], noStream);
        await rejects(id, noStream, 0);
      });

      it('stream-exists fails on a new stream and passes on an existing one', async () => {
        const id = stream();
        await rejects(id, streamExists, -1);
        await appendTo(store, id, [newEvent('A')]);
        await expect(appendTo(store, id, [newEvent('B')], streamExists)).resolves.toMatchObject({
          streamRevision: 1,
        });
      });

      it('an exact revision fails when another writer got there first, and appends nothing', async () => {
        const id = stream();
        await appendTo(store, id, [newEvent('A'), newEvent('B')]);
        await rejects(id, atRevision(0), 1);
        await rejects(id, atRevision(5), 1);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('of two concurrent writers at the same revision exactly one wins', async () => {
        const id = stream();
        await appendTo(store, id, [newEvent('A')]);
        const outcomes = await Promise.allSettled(
          [1, 2, 3, 4].map(() => appendTo(store, id, [newEvent('B')], atRevision(0))),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(id)).toHaveLength(2);
      });
    });

    describe('durable idempotency', () => {
      it('a repeated command id returns the first result and appends nothing', async () => {
        const id = stream();
        const commandId = randomUUID();
        const first = await appendTo(store, id, [newEvent('A')], noStream, commandId);
        const again = await appendTo(store, id, [newEvent('A')], noStream, commandId);
        expect(first.replayed).toBe(false);
        expect(again).toEqual({ ...first, replayed: true });
        expect(await store.readStream(id)).toHaveLength(1);
        expect(await store.findCommand(commandId)).toMatchObject({ commandId, fingerprint: 'f' });
      });

      it('a command id reused with a different fingerprint is refused', async () => {
        const id = stream();
        const commandId = randomUUID();
        await appendTo(store, id, [newEvent('A')], anyState, commandId);
        const reuse = store.append({
          streamId: id,
          events: [newEvent('B')],
          expectedState: anyState,
          command: { commandId, fingerprint: 'other' },
        });
        await expect(reuse).rejects.toBeInstanceOf(CommandIdReusedError);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('concurrent retries of one command append once', async () => {
        const id = stream();
        const commandId = randomUUID();
        const results = await Promise.all(
          [1, 2, 3].map(() => appendTo(store, id, [newEvent('A')], anyState, commandId)),
        );
        expect(results.filter((r) => !r.replayed)).toHaveLength(1);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('records a command that appends no events', async () => {
        const commandId = randomUUID();
        const result = await appendTo(store, stream(), [], anyState, commandId);
        expect(result).toMatchObject({ events: [], streamRevision: -1, replayed: false });
        expect(await store.findCommand(commandId)).not.toBeNull();
      });
    });

    describe('read all', () => {
      it('reads in global order after a position, in batches', async () => {
        const before = await store.headPosition();
        const id = stream();
        await appendTo(
          store,
          id,
          ['A', 'B', 'C', 'D', 'E'].map((t) => newEvent(t)),
        );
        const firstBatch = await store.readAll({ afterPosition: before, maxCount: 2 });
        const secondBatch = await store.readAll({
          afterPosition: firstBatch[1].globalPosition,
          maxCount: 10,
        });
        expect([...firstBatch, ...secondBatch].map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
        expect(await store.headPosition()).toBe(before + 5);
      });

      it('filters by event type and by stream category', async () => {
        const before = await store.headPosition();
        const category = `cat${randomUUID().slice(0, 8)}`;
        const typeName = `T${randomUUID().slice(0, 8)}`;
        await appendTo(store, `${category}-1`, [newEvent('A'), newEvent(typeName)]);
        await appendTo(store, stream('other'), [newEvent(typeName)]);
        const byType = await store.readAll({ afterPosition: before, filter: { eventTypes: [typeName] } });
        expect(byType.map((e) => e.type)).toEqual([typeName, typeName]);
        const byCategory = await store.readAll({
          afterPosition: before,
          filter: { streamCategories: [category] },
        });
        expect(byCategory.map((e) => e.streamId)).toEqual([`${category}-1`, `${category}-1`]);
      });

      it('links every event to the previous one by hash along the global order', async () => {
        await appendTo(store, stream(), [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })]);
        const all = await store.readAll({ afterPosition: 0, maxCount: 10_000 });
        expect(all[0].globalPosition).toBe(1);
        expect(findChainBreak(all)).toBeNull();
      });
    });

    describe('catch-up subscription', () => {
      it('delivers the history after the checkpoint, then live appends, in order', async () => {
        const start = await store.headPosition();
        const category = `sub${randomUUID().slice(0, 8)}`;
        await appendTo(store, `${category}-1`, [newEvent('Old1'), newEvent('Old2')]);
        const subscription = store.subscribe({
          afterPosition: start,
          filter: { streamCategories: [category] },
        });
        const received = take(subscription, 4);
        await appendTo(store, `${category}-2`, [newEvent('New1')]);
        await appendTo(store, `${category}-1`, [newEvent('New2')]);
        const events = await received;
        await subscription.close();
        expect(events.map((e) => e.type)).toEqual(['Old1', 'Old2', 'New1', 'New2']);
      });

      it('resumes after the checkpoint it is given', async () => {
        const start = await store.headPosition();
        const id = stream();
        const first = await appendTo(store, id, [newEvent('A'), newEvent('B'), newEvent('C')]);
        const subscription = store.subscribe({ afterPosition: first.events[0].globalPosition });
        const events = await take(subscription, 2);
        await subscription.close();
        expect(events.map((e) => e.type)).toEqual(['B', 'C']);
        expect(events[0].globalPosition).toBe(start + 2);
      });
    });
  });
};
