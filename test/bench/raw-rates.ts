/**
 * The database's own rates, the reference of every write and read figure:
 * bare INSERTs of the benchmark's payload into a table with a bigserial key,
 * and a keyset-paged read of that table in key order.
 */
import type { SqlDatabase } from '#event-store';
import { drive, secondsSince } from './drive.js';
import { rawBody } from './payload.js';

const TABLE = 'bench_raw';

const ensureTable = (db: SqlDatabase) =>
  db.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id bigserial PRIMARY KEY, body jsonb NOT NULL)`);

/** One-row INSERT per transaction, `concurrency` at once (PGlite's one connection queues them): rows/s. */
export const rawInsertRate = async (db: SqlDatabase, count: number, concurrency: number) => {
  await ensureTable(db);
  const { rate, samples } = await drive(count, concurrency, async (i) => {
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${TABLE} (body) VALUES ($1)`, [rawBody(i)]);
    });
  });
  return { rate, samples };
};

/** `rowsPerTx` rows in one multi-row INSERT per transaction, one transaction at a time: rows/s. */
export const rawBatchInsertRate = async (db: SqlDatabase, transactions: number, rowsPerTx = 100) => {
  await ensureTable(db);
  const values = Array.from({ length: rowsPerTx }, (_, k) => `($${k + 1})`).join(', ');
  const { seconds } = await drive(transactions, 1, async (t) => {
    const bodies = Array.from({ length: rowsPerTx }, (_, k) => rawBody(t * rowsPerTx + k));
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${TABLE} (body) VALUES ${values}`, bodies);
    });
  });
  return (transactions * rowsPerTx) / seconds;
};

/** Every row of the raw table in key order, `pageSize` at a time: rows/s. */
export const rawOrderedReadRate = async (db: SqlDatabase, pageSize = 1000) => {
  await ensureTable(db);
  let rows = 0;
  const t0 = performance.now();
  for (let after = 0; ;) {
    const page = await db.query<{ id: string; body: unknown }>(
      `SELECT id, body FROM ${TABLE} WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, pageSize],
    );
    if (page.length === 0) break;
    rows += page.length;
    after = Number(page[page.length - 1].id);
  }
  return { rows, rate: rows / secondsSince(t0) };
};
