import { PostgresEventStore, chainHash, findChainBreak, type SqlDatabase } from '#event-store';
import { appendTo, createTestPglite, createTestPostgres, newEvent } from '#testing';

describe.each([
  ['PGlite', createTestPglite],
  ['PostgreSQL server', createTestPostgres],
])('hash chain detects rows altered in SQL (%s)', (_backend, createDb) => {
  let db: SqlDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createDb();
    store = await PostgresEventStore.open(db);
    await appendTo(store, 'deal-1', [newEvent('A', { amount: 100 }), newEvent('B', { amount: 200 })]);
    await appendTo(store, 'deal-2', [newEvent('C', { amount: 300 })]);
  });
  afterEach(() => store.close());

  const chainBreak = async () => findChainBreak(await store.readAll({ afterPosition: 0 }));

  it('an untouched log verifies', async () => {
    expect(await chainBreak()).toBeNull();
  });

  it('a changed amount breaks the hash of that event', async () => {
    await db.query(`UPDATE ledger_events SET data = '{"amount": 1}' WHERE global_position = 2`);
    expect(await chainBreak()).toEqual({ globalPosition: 2, reason: 'hash-mismatch' });
  });

  it('a changed recordedAt in the metadata is detected too', async () => {
    await db.query(
      `UPDATE ledger_events SET metadata = jsonb_set(metadata, '{recordedAt}', '"2020-01-01T00:00:00.000Z"')
       WHERE global_position = 1`,
    );
    expect(await chainBreak()).toEqual({ globalPosition: 1, reason: 'hash-mismatch' });
  });

  it('re-hashing the altered row breaks the link of the next one', async () => {
    const [row] = await store.readAll({ afterPosition: 1, maxCount: 1 });
    const forged = chainHash(row.previousHash, { ...row, data: { amount: 1 } });
    await db.query(`UPDATE ledger_events SET data = '{"amount": 1}', hash = $1 WHERE global_position = 2`, [
      forged,
    ]);
    expect(await chainBreak()).toEqual({ globalPosition: 3, reason: 'link-mismatch' });
  });

  it('re-linking the next event to a forged one still fails: its own hash covered the old link', async () => {
    const [second] = await store.readAll({ afterPosition: 1, maxCount: 1 });
    const forged = chainHash(second.previousHash, { ...second, data: { amount: 1 } });
    await db.query(`UPDATE ledger_events SET data = '{"amount": 1}', hash = $1 WHERE global_position = 2`, [
      forged,
    ]);
    await db.query('UPDATE ledger_events SET previous_hash = $1 WHERE global_position = 3', [forged]);
    expect(await chainBreak()).toEqual({ globalPosition: 3, reason: 'hash-mismatch' });
  });

  it('a deleted event breaks the chain where it was', async () => {
    await db.query('DELETE FROM ledger_events WHERE global_position = 2');
    expect(await chainBreak()).toEqual({ globalPosition: 3, reason: 'link-mismatch' });
  });
});
