import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1: the domain-separation prefixes of leaves and interior nodes. */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT: Buffer = createHash('sha256').digest();

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export const leafHash = (data: Uint8Array): Buffer =>
  createHash('sha256').update(LEAF_PREFIX).update(data).digest();

/** SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/** The ledger's leaves are its events' chain hashes, taken as the 32 bytes the hex spells. */
export const eventLeafHash = (eventHashHex: string): Buffer => leafHash(Buffer.from(eventHashHex, 'hex'));

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
