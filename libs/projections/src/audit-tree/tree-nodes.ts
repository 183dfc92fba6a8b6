import { type NodeLookup, type NodeRef, type StoredNode, nodesRead } from '#audit';
import type { SqlQueryable } from '#event-store';
import type { TableName } from '../runner/projection.js';

export const TREE_NODES = 'audit_tree_nodes';

const live: TableName = (base) => base;

/** The stored complete subtrees among `refs` (those that exist), in one query. */
export const readNodes = async (
  db: SqlQueryable,
  refs: readonly NodeRef[],
  t: TableName = live,
): Promise<Map<string, Buffer>> => {
  if (refs.length === 0) return new Map();
  const rows = await db.query<{ level: number; node_index: string; hash: Buffer }>(
    `SELECT level, node_index, hash FROM ${t(TREE_NODES)}
     WHERE (level, node_index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
    [refs.map((ref) => ref.level), refs.map((ref) => ref.index)],
  );
  return new Map(rows.map((row) => [`${row.level}:${Number(row.node_index)}`, Buffer.from(row.hash)]));
};

/** The nodes as `refs` lists them, in that order; throws when one is missing. */
export const readNodeList = async (
  db: SqlQueryable,
  refs: readonly NodeRef[],
  t: TableName = live,
): Promise<StoredNode[]> => {
  const found = await readNodes(db, refs, t);
  return refs.map(({ level, index }) => ({ level, index, hash: lookupIn(found)(level, index) }));
};

const lookupIn =
  (nodes: ReadonlyMap<string, Buffer>): NodeLookup =>
  (level, index) => {
    const hash = nodes.get(`${level}:${index}`);
    if (!hash) throw new Error(`the tree has no complete subtree at level ${level}, index ${index}`);
    return hash;
  };

/** How many leaves the stored tree has (the events it covers). */
export const storedTreeSize = async (db: SqlQueryable, t: TableName = live): Promise<number> => {
  const rows = await db
    .query<{ last: string | null }>(`SELECT max(node_index) AS last FROM ${t(TREE_NODES)} WHERE level = 0`)
    .catch((error: { code?: string }) => {
      // 42P01: the projection has not made its table yet (a first start): no tree yet.
      if (error.code === '42P01') return [{ last: null }];
      throw error;
    });
  return rows[0].last === null ? 0 : Number(rows[0].last) + 1;
};

/**
 * Runs a computation over the stored tree (a root, a proof) reading only the
 * O(log n) subtrees it needs, fetched in one query.
 */
export const overStoredTree = async <T>(db: SqlQueryable, compute: (get: NodeLookup) => T): Promise<T> =>
  compute(lookupIn(await readNodes(db, nodesRead(compute))));
