import { EMPTY_TREE_ROOT, nodeHash, splitPoint } from './merkle-hashing.js';

/**
 * A complete subtree of the log's tree: the 2^level leaves from
 * index · 2^level on. Level 0 is a leaf. Stored subtrees never change once
 * complete, so every hash of any past tree is made of a few of them.
 */
export interface NodeRef {
  level: number;
  index: number;
}

/** The hash of a complete subtree; the caller has fetched the ones asked for. */
export type NodeLookup = (level: number, index: number) => Buffer;

// Arithmetic, not bitwise: sizes pass 2^32 long before they pass Number.MAX_SAFE_INTEGER.
const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** MTH(D[start:end]), RFC 9162 §2.1.1, from complete subtrees (O(log n) of them). */
const subtreeHash = (get: NodeLookup, start: number, end: number): Buffer => {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) return get(Math.log2(n), start / n);
  const k = splitPoint(n);
  return nodeHash(subtreeHash(get, start, start + k), subtreeHash(get, start + k, end));
};

/** The root of the tree of the first `size` leaves. */
export const treeRoot = (get: NodeLookup, size: number): Buffer =>
  size === 0 ? EMPTY_TREE_ROOT : subtreeHash(get, 0, size);

/** PATH(m, D[start:end]) of RFC 9162 §2.1.3.1, leaf to root. */
const path = (get: NodeLookup, m: number, start: number, end: number): Buffer[] => {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(get, m, start, start + k), subtreeHash(get, start + k, end)]
    : [...path(get, m - k, start + k, end), subtreeHash(get, start, start + k)];
};

/** The audit path of leaf `index` (0-based) in the tree of `size` leaves. */
export const inclusionProof = (get: NodeLookup, index: number, size: number): Buffer[] => {
  if (!(Number.isSafeInteger(index) && index >= 0 && index < size)) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  }
  return path(get, index, 0, size);
};

/** SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1. */
const subproof = (get: NodeLookup, m: number, start: number, end: number, whole: boolean): Buffer[] => {
  const n = end - start;
  if (m === n) return whole ? [] : [subtreeHash(get, start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(get, m, start, start + k, whole), subtreeHash(get, start + k, end)]
    : [...subproof(get, m - k, start + k, end, false), subtreeHash(get, start, start + k)];
};

/** The proof that the tree of `from` leaves is a prefix of the tree of `to` (0 < from ≤ to). */
export const consistencyProof = (get: NodeLookup, from: number, to: number): Buffer[] => {
  if (!(Number.isSafeInteger(from) && from > 0 && from <= to)) {
    throw new RangeError(`no consistency proof from a tree of ${from} to one of ${to}`);
  }
  return from === to ? [] : subproof(get, from, 0, to, true);
};

/**
 * The complete subtrees a computation reads, found by running it once on
 * placeholders: fetch them in one query, then run it for real.
 */
export const nodesRead = (compute: (get: NodeLookup) => unknown): NodeRef[] => {
  const seen = new Map<string, NodeRef>();
  const placeholder = Buffer.alloc(32);
  compute((level, index) => {
    seen.set(`${level}:${index}`, { level, index });
    return placeholder;
  });
  return [...seen.values()];
};
