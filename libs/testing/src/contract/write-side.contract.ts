import { randomUUID } from 'node:crypto';
import {
  CommandIdReusedError,
  type EventStore,
  type ExpectedState,
  type RecordedEvent,
  WrongExpectedVersionError,
  anyState,
  atRevision,
  noStream,
  streamExists,
} from '#event-store';
import { appendTo, newEvent } from '../event-store-fixtures.js';

const stream = (category = 'thing') => `${category}-${randomUUID()}`;

/** Appending: revisions, expected states, durable idempotency. */
export const writeSideContract = (store: () => EventStore): void => {
  describe('append and read a stream', () => {
    it('numbers revisions from 0 and positions in one global order', async () => {
      const id = stream();
      const first = await appendTo(store(), id, [newEvent('A'), newEvent('B')], noStream);
      const second = await appendTo(store(), id, [newEvent('C')], atRevision(1));
      expect(first.streamRevision).toBe(1);
      expect(second.streamRevision).toBe(2);
      expect(second.globalPosition).toBe(first.globalPosition + 1);
      const events = await store().readStream(id);
      expect(events.map((e) => [e.type, e.streamRevision])).toEqual([
        ['A', 0],
        ['B', 1],
        ['C', 2],
      ]);
      expect(events.map((e) => e.globalPosition)).toEqual(
        first.events.map((e) => e.globalPosition).concat(second.globalPosition),
      );
      expect(await store().streamRevision(id)).toBe(2);
    });

    it('keeps data, metadata and schema version and stamps recordedAt', async () => {
      const id = stream();
      const event = newEvent('Noted', {
        text: 'ünïcødé ✓',
        amount: 12.5,
        tags: ['a'],
        nested: { x: null },
      });
      await appendTo(store(), id, [event]);
      const [read] = await store().readStream(id);
      expect(read.eventId).toBe(event.eventId);
      expect(read.data).toEqual(event.data);
      expect(read.schemaVersion).toBe(1);
      expect(read.metadata).toMatchObject(event.metadata);
      expect(Date.parse(read.metadata.recordedAt)).not.toBeNaN();
    });

    it('reads backwards, from a revision, and at most maxCount', async () => {
      const id = stream();
      await appendTo(
        store(),
        id,
        ['A', 'B', 'C', 'D'].map((t) => newEvent(t)),
      );
      const types = (events: RecordedEvent[]) => events.map((e) => e.type);
      expect(types(await store().readStream(id, { direction: 'backwards' }))).toEqual(['D', 'C', 'B', 'A']);
      expect(types(await store().readStream(id, { fromRevision: 2 }))).toEqual(['C', 'D']);
      expect(types(await store().readStream(id, { direction: 'backwards', fromRevision: 1 }))).toEqual([
        'B',
        'A',
      ]);
      expect(types(await store().readStream(id, { fromRevision: 1, maxCount: 2 }))).toEqual(['B', 'C']);
    });

    it('reads an unknown stream as empty with no revision', async () => {
      expect(await store().readStream(stream())).toEqual([]);
      expect(await store().streamRevision(stream())).toBe(-1);
    });
  });

  describe('expected state', () => {
    const rejects = async (id: string, expected: ExpectedState, actual: number) => {
      const attempt = appendTo(store(), id, [newEvent('X')], expected);
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ streamId: id, actualRevision: actual });
    };

    it('no-stream fails once the stream exists', async () => {
      const id = stream();
      await appendTo(store(), id, [newEvent('A')], noStream);
      await rejects(id, noStream, 0);
    });

    it('stream-exists fails on a new stream and passes on an existing one', async () => {
      const id = stream();
      await rejects(id, streamExists, -1);
      await appendTo(store(), id, [newEvent('A')]);
      await expect(appendTo(store(), id, [newEvent('B')], streamExists)).resolves.toMatchObject({
        streamRevision: 1,
      });
    });

    it('an exact revision fails when another writer got there first, and appends nothing', async () => {
      const id = stream();
      await appendTo(store(), id, [newEvent('A'), newEvent('B')]);
      await rejects(id, atRevision(0), 1);
      await rejects(id, atRevision(5), 1);
      expect(await store().readStream(id)).toHaveLength(2);
    });

    it('of two concurrent writers at the same revision exactly one wins', async () => {
      const id = stream();
      await appendTo(store(), id, [newEvent('A')]);
      const outcomes = await Promise.allSettled(
        [1, 2, 3, 4].map(() => appendTo(store(), id, [newEvent('B')], atRevision(0))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(await store().readStream(id)).toHaveLength(2);
    });
  });

  describe('durable idempotency', () => {
    it('a repeated command id returns the first result and appends nothing', async () => {
      const id = stream();
      const commandId = randomUUID();
      const first = await appendTo(store(), id, [newEvent('A')], noStream, commandId);
      const again = await appendTo(store(), id, [newEvent('A')], noStream, commandId);
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ ...first, replayed: true });
      expect(await store().readStream(id)).toHaveLength(1);
      expect(await store().findCommand(commandId)).toMatchObject({ commandId, fingerprint: 'f' });
    });

    it('a command id reused with a different fingerprint is refused', async () => {
      const id = stream();
      const commandId = randomUUID();
      await appendTo(store(), id, [newEvent('A')], anyState, commandId);
      const reuse = store().append({
        streamId: id,
        events: [newEvent('B')],
        expectedState: anyState,
        command: { commandId, fingerprint: 'other' },
      });
      await expect(reuse).rejects.toBeInstanceOf(CommandIdReusedError);
      expect(await store().readStream(id)).toHaveLength(1);
    });

    it('concurrent retries of one command append once', async () => {
      const id = stream();
      const commandId = randomUUID();
      const results = await Promise.all(
        [1, 2, 3].map(() => appendTo(store(), id, [newEvent('A')], anyState, commandId)),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await store().readStream(id)).toHaveLength(1);
    });

    it('records a command that appends no events', async () => {
      const commandId = randomUUID();
      const result = await appendTo(store(), stream(), [], anyState, commandId);
      expect(result).toMatchObject({ events: [], streamRevision: -1, replayed: false });
      expect(await store().findCommand(commandId)).not.toBeNull();
    });
  });
};
