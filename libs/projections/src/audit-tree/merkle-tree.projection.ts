import { CompactRange, compactRangeRefs, eventLeafHash } from '#audit';
import type { Projection } from '../runner/projection.js';
import { insertRows } from '../shared/insert-rows.js';
import { TREE_NODES, readNodeList, storedTreeSize } from './tree-nodes.js';

/**
 * The RFC 9162 Merkle tree over the log's event hashes, leaf i = event at
 * position i + 1. It keeps every complete subtree (about 2 rows per event),
 * which never change once complete: any root or proof of any past size is
 * then a few of them. It takes every event in order and refuses a gap, so it
 * can never disagree with the log; a rebuild from 0 must match it exactly.
 */
export const merkleTreeProjection: Projection = {
  name: 'merkle-tree',
  version: 1,
  tables: [TREE_NODES],
  eventTypes: 'all',

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t(TREE_NODES)} (
      level smallint NOT NULL,
      node_index bigint NOT NULL,
      hash bytea NOT NULL,
      PRIMARY KEY (level, node_index)
    )`);
  },

  async apply(tx, events, t) {
    if (events.length === 0) return;
    const size = await storedTreeSize(tx, t);
    const tree = CompactRange.resume(size, await readNodeList(tx, compactRangeRefs(size), t));
    const rows: [number, number, Buffer][] = [];
    for (const event of events) {
      if (event.globalPosition !== tree.size + 1) {
        throw new Error(
          `the tree holds ${tree.size} events and was given position ${event.globalPosition}: the log must come in order, without gaps`,
        );
      }
      for (const node of tree.push(eventLeafHash(event.hash))) rows.push([node.level, node.index, node.hash]);
    }
    await insertRows(tx, t(TREE_NODES), ['level', 'node_index', 'hash'], rows);
  },
};
