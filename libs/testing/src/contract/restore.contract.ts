import { randomUUID } from 'node:crypto';
import { type EventStore, type RecordedEvent, RestoreRefusedError, chainAppend } from '#event-store';
import { newEvent } from '../event-store-fixtures.js';

/** Events as another ledger recorded them, continuing this store's head: what an import brings. */
const recordedElsewhere = async (
  store: EventStore,
  streamId: string,
  count: number,
): Promise<RecordedEvent[]> => {
  const position = await store.headPosition();
  const [last] = position === 0 ? [] : await store.readAll({ afterPosition: position - 1, maxCount: 1 });
  const head = { position, hash: last?.hash ?? '0'.repeat(64) };
  const request = {
    streamId,
    events: Array.from({ length: count }, (_, i) => newEvent('Imported', { i })),
    expectedState: { kind: 'any' as const },
    command: { commandId: randomUUID(), fingerprint: 'f' },
  };
  // Recorded long ago: a restore keeps knowledge time as it was.
  return chainAppend(request, head, -1, '2025-03-04T05:06:07.000Z');
};

/** Restoring an export: events written as they were recorded, or not at all. */
export const restoreContract = (store: () => EventStore): void => {
  describe('restore', () => {
    it('writes recorded events as they are: positions, hashes, revisions, knowledge time', async () => {
      const events = await recordedElsewhere(store(), `imported-${randomUUID()}`, 3);
      await store().restore(events);
      const read = await store().readAll({ afterPosition: events[0].globalPosition - 1 });
      expect(JSON.parse(JSON.stringify(read))).toEqual(JSON.parse(JSON.stringify(events)));
      expect(await store().headPosition()).toBe(events[2].globalPosition);
      expect(await store().streamRevision(events[0].streamId)).toBe(2);
    });

    it('refuses, writing nothing, events that do not continue the log exactly', async () => {
      const refusals: [string, (events: RecordedEvent[]) => RecordedEvent[]][] = [
        ['a gap in positions', (events) => [events[0], events[2]]],
        [
          'a position already taken',
          (events) => events.map((e) => ({ ...e, globalPosition: e.globalPosition - 1 })),
        ],
        ['an altered field', (events) => [events[0], { ...events[1], data: { i: 99 } }, events[2]]],
        ['a broken link', (events) => [events[0], { ...events[1], previousHash: events[0].previousHash }]],
        [
          'a gap in a stream',
          (events) => events.map((e) => ({ ...e, streamRevision: e.streamRevision + 1 })),
        ],
      ];
      for (const [, spoil] of refusals) {
        const before = await store().headPosition();
        const events = await recordedElsewhere(store(), `imported-${randomUUID()}`, 3);
        await expect(store().restore(spoil(events))).rejects.toBeInstanceOf(RestoreRefusedError);
        expect(await store().headPosition()).toBe(before);
        expect(await store().streamRevision(events[0].streamId)).toBe(-1);
      }
    });
  });
};
