import type { SqlQueryable } from '#event-store';
import type { Projection, TableName } from './projection.js';

export const liveTables: TableName = (base) => base;
export const shadowTables: TableName = (base) => `${base}__rebuild`;

const exists = async (db: SqlQueryable, table: string) => {
  const [row] = await db.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
  return row.found !== null;
};

/** Creates the tables of `t` unless the first one exists already (tables are created together). */
export const ensureTables = async (db: SqlQueryable, projection: Projection, t: TableName): Promise<void> => {
  if (!(await exists(db, t(projection.tables[0])))) await projection.createTables(db, t);
};

export const dropTables = async (db: SqlQueryable, projection: Projection, t: TableName): Promise<void> => {
  for (const base of projection.tables) await db.query(`DROP TABLE IF EXISTS ${t(base)}`);
};

/** MD5 over every row of every table, in a fixed order: equal models, equal checksums. */
export const checksum = async (db: SqlQueryable, projection: Projection, t: TableName): Promise<string> => {
  const parts: string[] = [];
  for (const base of projection.tables) {
    const [row] = await db.query<{ sum: string }>(
      `SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS sum FROM ${t(base)} r`,
    );
    parts.push(row.sum);
  }
  const [total] = await db.query<{ sum: string }>('SELECT md5($1) AS sum', [parts.join(':')]);
  return total.sum;
};

/** Replaces the live tables by the shadow ones, indexes renamed so the next rebuild can reuse the names. */
export const swapShadowIntoLive = async (tx: SqlQueryable, projection: Projection): Promise<void> => {
  for (const base of projection.tables) {
    const shadow = shadowTables(base);
    await tx.query(`DROP TABLE IF EXISTS ${base}`);
    await tx.query(`ALTER TABLE ${shadow} RENAME TO ${base}`);
    const indexes = await tx.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = $1 AND indexname LIKE $2`,
      [base, `${shadow}%`],
    );
    for (const { indexname } of indexes) {
      await tx.query(`ALTER INDEX ${indexname} RENAME TO ${base}${indexname.slice(shadow.length)}`);
    }
  }
};

/**
 * Refreshes the planner's statistics of a model's tables and their visibility
 * maps. PGlite has no autovacuum, and a fresh or bulk-filled table has neither:
 * without statistics the planner takes a period's thousands of rows for one and
 * picks nested loops; without the map an index-only scan still reads every row's
 * page (an as-of quarter scorecard at 1,000,000 events took twice as long).
 * Outside a transaction only.
 */
export const analyzeTables = async (
  db: SqlQueryable,
  projection: Projection,
  names: TableName,
): Promise<void> => {
  await db.query(`VACUUM (ANALYZE) ${projection.tables.map(names).join(', ')}`);
};

/** Logged (WAL, crash-safe) or not; from unlogged to logged, PostgreSQL writes the table once into the WAL. */
export const setLogged = async (
  db: SqlQueryable,
  projection: Projection,
  t: TableName,
  logged: boolean,
): Promise<void> => {
  for (const base of projection.tables)
    await db.query(`ALTER TABLE ${t(base)} SET ${logged ? 'LOGGED' : 'UNLOGGED'}`);
};
