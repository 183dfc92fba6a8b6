import { consistencyProof, eventLeafHash, inclusionProof, treeRoot } from '#audit';
import type { EventStore, SqlQueryable } from '#event-store';
import { overStoredTree, storedTreeSize } from '#projections';
import { ProblemException, badRequest, problem } from '../http/problem.js';
import type { ConsistencyProofDto, InclusionProofDto } from './audit.dto.js';
import type { TreeHeads } from './tree-heads.js';

const hex = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('hex'));

/** The size asked for, or the latest signed head's; a 404 when the tree has not got that far. */
const treeOf = async (db: SqlQueryable, heads: TreeHeads, field: string, asked?: number): Promise<number> => {
  const size = asked ?? (await heads.latest())?.treeSize ?? 0;
  const stored = await storedTreeSize(db);
  if (size > stored) {
    throw new ProblemException(
      problem(404, 'tree-size-not-reached', 'The tree has not reached this size', {
        detail: `${field} ${size} is beyond the tree, which covers ${stored} events`,
        treeSize: stored,
      }),
    );
  }
  return size;
};

export const proveInclusion = async (
  db: SqlQueryable,
  store: EventStore,
  heads: TreeHeads,
  query: { position: number; treeSize?: number },
): Promise<InclusionProofDto> => {
  const treeSize = await treeOf(db, heads, 'treeSize', query.treeSize);
  if (query.position > treeSize) {
    throw badRequest(
      'position',
      'atMostTreeSize',
      `position ${query.position} is not in a tree of ${treeSize} events`,
    );
  }
  const index = query.position - 1;
  const [event] = await store.readAll({ afterPosition: index, maxCount: 1 });
  if (event?.globalPosition !== query.position) {
    // The tree holds a leaf the log no longer has an event for: the log was cut under it.
    throw new ProblemException(
      problem(404, 'not-found', 'No such event', {
        detail: `the log has no event at position ${query.position}`,
      }),
    );
  }
  const { path, root } = await overStoredTree(db, (get) => ({
    path: inclusionProof(get, index, treeSize),
    root: treeRoot(get, treeSize),
  }));
  return {
    position: query.position,
    treeSize,
    leafIndex: index,
    eventHash: event.hash,
    leafHash: eventLeafHash(event.hash).toString('hex'),
    rootHash: root.toString('hex'),
    auditPath: hex(path),
  };
};

export const proveConsistency = async (
  db: SqlQueryable,
  heads: TreeHeads,
  query: { from: number; to?: number },
): Promise<ConsistencyProofDto> => {
  const to = await treeOf(db, heads, 'to', query.to);
  if (query.from > to) {
    throw badRequest(
      'from',
      'atMostTo',
      `from ${query.from} is larger than to ${to}: a tree is a prefix only of a larger one`,
    );
  }
  const { proof, fromRoot, toRoot } = await overStoredTree(db, (get) => ({
    proof: consistencyProof(get, query.from, to),
    fromRoot: treeRoot(get, query.from),
    toRoot: treeRoot(get, to),
  }));
  return {
    from: query.from,
    to,
    fromRoot: fromRoot.toString('hex'),
    toRoot: toRoot.toString('hex'),
    proof: hex(proof),
  };
};
