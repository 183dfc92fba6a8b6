import { CompactRange, eventLeafHash, treeRoot } from '#audit';
import { PostgresEventStore } from '#event-store';
import {
  ProjectionRunner,
  merkleTreeProjection,
  overStoredTree,
  skipFailedEvent,
  storedTreeSize,
} from '#projections';
import { appendTo, createTestPglite, newEvent } from '#testing';

describe('the Merkle tree projection', () => {
  it('folds the log in batches of any size into the tree a from-scratch build of the same hashes has', async () => {
    const db = await createTestPglite();
    const store = await PostgresEventStore.open(db);
    for (let i = 0; i < 37; i += 1) await appendTo(store, `s-${i % 5}`, [newEvent('A', { i })]);
    const runner = new ProjectionRunner(db, store, merkleTreeProjection, { batchSize: 6 });
    await runner.prepare();
    await runner.catchUp();
    const events = await store.readAll();
    expect(await storedTreeSize(db)).toBe(37);
    const scratch = CompactRange.empty();
    for (const [i, event] of events.entries()) {
      scratch.push(eventLeafHash(event.hash));
      const root = await overStoredTree(db, (get) => treeRoot(get, i + 1));
      expect(root.equals(scratch.root())).toBe(true);
    }
    await db.close();
  });

  it('refuses a batch that does not start right after the tree, or has a gap: it never disagrees with the log', async () => {
    const db = await createTestPglite();
    const store = await PostgresEventStore.open(db);
    for (let i = 0; i < 4; i += 1) await appendTo(store, 's', [newEvent('A', { i })]);
    const runner = new ProjectionRunner(db, store, merkleTreeProjection);
    await runner.prepare();
    const [first, second, third, fourth] = await store.readAll();
    const apply = (events: (typeof first)[]) =>
      db.transaction((tx) => merkleTreeProjection.apply(tx, events, (base) => base));
    await expect(apply([second])).rejects.toThrow(/holds 0 events and was given position 2/);
    await apply([first, second]);
    await expect(apply([third, third])).rejects.toThrow(/holds 3 events and was given position 3/);
    await expect(apply([fourth])).rejects.toThrow(/holds 2 events and was given position 4/);
    expect(await storedTreeSize(db)).toBe(2);
    await db.close();
  });

  it('has no tree, size 0, before the projection has made its table', async () => {
    const db = await createTestPglite();
    expect(await storedTreeSize(db)).toBe(0);
    await db.close();
  });

  it('takes no skip: a tree that left an event out would disagree with the log', async () => {
    const db = await createTestPglite();
    const store = await PostgresEventStore.open(db);
    await appendTo(store, 's', [newEvent('A')]);
    const request = { position: 1, reason: 'try', by: null };
    expect(await skipFailedEvent(db, store, merkleTreeProjection, request)).toEqual({
      kind: 'takes-every-event',
    });
    expect(await store.headPosition()).toBe(1);
    await db.close();
  });
});
