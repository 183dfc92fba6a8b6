/**
 * An auditor's check of the log's proofs, written from RFC 9162 alone and on purpose
 * independently of the code that builds them (merkle-proofs.ts, compact-range.ts):
 * a bug shared by prover and verifier would otherwise pass unnoticed.
 *
 * Both checks follow the RFC's bit algorithms step by step. `fn` walks the path of the
 * node being proven and `sn` the path of the tree's last leaf; where the two meet, the
 * tree's right edge is shorter than a full subtree, so levels without a sibling are
 * skipped. A proof is accepted only if it is consumed exactly when `sn` reaches 0 (the
 * root), which rejects proofs that are too long or too short without computing the
 * expected length separately.
 *
 * Any bad input yields `false`, never an exception: a verifier's caller wants a verdict.
 */
import { nodeHash } from './merkle-hashing.js';

/** SHA-256 output; anything else cannot be a node of this tree. */
const HASH_LENGTH = 32;

const isHash = (value: unknown): value is Buffer => Buffer.isBuffer(value) && value.length === HASH_LENGTH;

/** Sizes beyond 2^53 cannot be represented exactly, so they are refused rather than rounded. */
const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

// LSB and right shift by arithmetic: JS `>>` truncates to 32 bits, and logs may outgrow that.
const lsb = (n: number): boolean => n % 2 === 1;
const shr = (n: number): number => Math.floor(n / 2);

/** For any safe integer (bitwise `n & (n - 1)` only holds below 2^32). */
const isPowerOfTwo = (n: number): boolean => {
  if (n < 1) return false;
  let m = n;
  while (m % 2 === 0) m /= 2;
  return m === 1;
};

/**
 * RFC 9162 §2.1.3.2: does `proof` show that the leaf whose hash is `leaf` (already
 * hashed with the 0x00 prefix, §2.1.1) is at `index` in the tree of `treeSize` leaves
 * whose root is `root`?
 */
export const verifyInclusion = (
  leaf: Buffer,
  index: number,
  treeSize: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean => {
  if (!isCount(index) || !isCount(treeSize) || !isHash(leaf) || !isHash(root) || !Array.isArray(proof))
    return false;
  // Step 1: a leaf at or past the end of the tree is not in it (this also refuses treeSize 0).
  if (index >= treeSize) return false;

  // Steps 2–3.
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = leaf;

  // Step 4.
  for (const p of proof) {
    if (!isHash(p)) return false;
    // Already at the root with hashes left over: the proof is too long.
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      // The sibling is on the left.
      r = nodeHash(p, r);
      // fn === sn on an even fn: the node is the last on the tree's right edge and has
      // no right sibling on the levels above; climb them until it is a right child again.
      while (!lsb(fn) && fn !== 0) {
        fn = shr(fn);
        sn = shr(sn);
      }
    } else {
      // The sibling is on the right.
      r = nodeHash(r, p);
    }
    fn = shr(fn);
    sn = shr(sn);
  }

  // Step 5: the whole path was used (sn reached the root) and it led to the root given.
  return sn === 0 && r.equals(root);
};

/**
 * Steps 3–6 of RFC 9162 §2.1.4.2 for 0 < fromSize < toSize: the two roots `path` rebuilds,
 * or null when the path is longer than the second tree is high. (A path that is too short
 * leaves sn above 0, which step 7 refuses.)
 */
const rebuildRoots = (
  fromSize: number,
  toSize: number,
  path: readonly Buffer[],
): { fr: Buffer; sr: Buffer; sn: number } | null => {
  // Step 3.
  let fn = fromSize - 1;
  let sn = toSize - 1;

  // Step 4: while the first tree's last node is a right child, its parent is still a
  // complete subtree of both trees; the path starts at the highest such subtree.
  while (lsb(fn)) {
    fn = shr(fn);
    sn = shr(sn);
  }

  // Step 5: the first hash is the subtree both trees share, seeding both reconstructions.
  const [shared, ...rest] = path;
  if (shared === undefined) return null;
  let fr: Buffer = shared;
  let sr: Buffer = shared;

  // Step 6.
  for (const c of rest) {
    if (sn === 0) return null;
    if (lsb(fn) || fn === sn) {
      // A left sibling: in both trees (the first tree's root is built from it too).
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      // As in §2.1.3.2: climb the levels where the right edge has no sibling.
      while (!lsb(fn) && fn !== 0) {
        fn = shr(fn);
        sn = shr(sn);
      }
    } else {
      // A right sibling: leaves the first tree does not have, only in the second.
      sr = nodeHash(sr, c);
    }
    fn = shr(fn);
    sn = shr(sn);
  }
  return { fr, sr, sn };
};

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of `fromSize` leaves with root
 * `fromRoot` is a prefix of the tree of `toSize` leaves with root `toRoot`?
 */
export const verifyConsistency = (
  fromSize: number,
  toSize: number,
  fromRoot: Buffer,
  toRoot: Buffer,
  proof: readonly Buffer[],
): boolean => {
  if (
    !isCount(fromSize) ||
    !isCount(toSize) ||
    !isHash(fromRoot) ||
    !isHash(toRoot) ||
    !Array.isArray(proof)
  ) {
    return false;
  }
  // §2.1.4 defines proofs between trees 0 < m ≤ n: an empty tree is no snapshot worth
  // proving (even 0 → 0), and a log never shrinks.
  if (fromSize === 0 || fromSize > toSize) return false;
  // §2.1.4.1: the proof between a tree and itself is empty; the heads must simply agree.
  if (fromSize === toSize) return proof.length === 0 && fromRoot.equals(toRoot);
  if (!proof.every(isHash)) return false;

  // Step 1: two different sizes always need at least one hash.
  if (proof.length === 0) return false;

  // Step 2: when the first tree is a complete subtree (a power of two), its root is a
  // node of the second tree that the prover leaves out (§2.1.4.1), so the verifier
  // supplies it from the head it already trusts.
  const rebuilt = rebuildRoots(fromSize, toSize, isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : proof);

  // Step 7: the whole path was used, and it rebuilt both heads.
  return rebuilt !== null && rebuilt.sn === 0 && rebuilt.fr.equals(fromRoot) && rebuilt.sr.equals(toRoot);
};
