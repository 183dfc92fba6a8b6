import { randomUUID } from 'node:crypto';
import { type EventStore, findChainBreak } from '#event-store';
import { appendTo, newEvent, take } from '../event-store-fixtures.js';

const stream = (category = 'thing') => `${category}-${randomUUID()}`;

/** Reading the global order: batches, filters, the hash chain, catch-up subscriptions. */
export const readSideContract = (store: () => EventStore): void => {
  describe('read all', () => {
    it('reads in global order after a position, in batches', async () => {
      const before = await store().headPosition();
      const id = stream();
      await appendTo(
        store(),
        id,
        ['A', 'B', 'C', 'D', 'E'].map((t) => newEvent(t)),
      );
      const firstBatch = await store().readAll({ afterPosition: before, maxCount: 2 });
      const secondBatch = await store().readAll({
        afterPosition: firstBatch[1].globalPosition,
        maxCount: 10,
      });
      expect([...firstBatch, ...secondBatch].map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(await store().headPosition()).toBe(before + 5);
    });

    it('filters by event type and by stream category', async () => {
      const before = await store().headPosition();
      const category = `cat${randomUUID().slice(0, 8)}`;
      const typeName = `T${randomUUID().slice(0, 8)}`;
      await appendTo(store(), `${category}-1`, [newEvent('A'), newEvent(typeName)]);
      await appendTo(store(), stream('other'), [newEvent(typeName)]);
      const byType = await store().readAll({ afterPosition: before, filter: { eventTypes: [typeName] } });
      expect(byType.map((e) => e.type)).toEqual([typeName, typeName]);
      const byCategory = await store().readAll({
        afterPosition: before,
        filter: { streamCategories: [category] },
      });
      expect(byCategory.map((e) => e.streamId)).toEqual([`${category}-1`, `${category}-1`]);
    });

    it('links every event to the previous one by hash along the global order', async () => {
      await appendTo(store(), stream(), [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })]);
      const all = await store().readAll({ afterPosition: 0, maxCount: 10_000 });
      expect(all[0].globalPosition).toBe(1);
      expect(findChainBreak(all)).toBeNull();
    });
  });

  describe('catch-up subscription', () => {
    it('delivers the history after the checkpoint, then live appends, in order', async () => {
      const start = await store().headPosition();
      const category = `sub${randomUUID().slice(0, 8)}`;
      await appendTo(store(), `${category}-1`, [newEvent('Old1'), newEvent('Old2')]);
      const subscription = store().subscribe({
        afterPosition: start,
        filter: { streamCategories: [category] },
      });
      const received = take(subscription, 4);
      await appendTo(store(), `${category}-2`, [newEvent('New1')]);
      await appendTo(store(), `${category}-1`, [newEvent('New2')]);
      const events = await received;
      await subscription.close();
      expect(events.map((e) => e.type)).toEqual(['Old1', 'Old2', 'New1', 'New2']);
    });

    it('resumes after the checkpoint it is given', async () => {
      const start = await store().headPosition();
      const id = stream();
      const first = await appendTo(store(), id, [newEvent('A'), newEvent('B'), newEvent('C')]);
      const subscription = store().subscribe({ afterPosition: first.events[0].globalPosition });
      const events = await take(subscription, 2);
      await subscription.close();
      expect(events.map((e) => e.type)).toEqual(['B', 'C']);
      expect(events[0].globalPosition).toBe(start + 2);
    });
  });
};
