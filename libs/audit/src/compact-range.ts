import { EMPTY_TREE_ROOT, nodeHash } from './merkle-hashing.js';
import type { NodeRef } from './merkle-proofs.js';

export interface StoredNode extends NodeRef {
  hash: Buffer;
}

/**
 * The complete subtrees that cover the first `size` leaves, largest first:
 * one per bit set in `size` (the "compact range" of Trillian and CT logs).
 */
export const compactRangeRefs = (size: number): NodeRef[] => {
  const refs: NodeRef[] = [];
  let covered = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level -= 1) {
    const width = 2 ** level;
    if (size - covered >= width) {
      refs.push({ level, index: covered / width });
      covered += width;
    }
  }
  return refs;
};

/**
 * A tree grown one leaf at a time in O(log n) memory: it keeps only its
 * compact range, and reports each subtree the moment it becomes complete, so
 * a store can keep every one of them for proofs.
 */
export class CompactRange {
  private constructor(
    private readonly nodes: StoredNode[],
    private count: number,
  ) {}

  static empty(): CompactRange {
    return new CompactRange([], 0);
  }

  /** Continues a tree from its stored compact range (as compactRangeRefs(size) lists it). */
  static resume(size: number, range: readonly StoredNode[]): CompactRange {
    const expected = compactRangeRefs(size);
    const matches =
      range.length === expected.length &&
      expected.every((ref, i) => range[i].level === ref.level && range[i].index === ref.index);
    if (!matches) throw new Error(`the stored compact range does not cover a tree of ${size} leaves`);
    return new CompactRange([...range], size);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a leaf (its leaf hash); returns the subtrees it completed, the leaf first. */
  push(leaf: Buffer): StoredNode[] {
    let node: StoredNode = { level: 0, index: this.count, hash: leaf };
    const completed = [node];
    this.count += 1;
    while (this.nodes.length > 0 && this.nodes[this.nodes.length - 1].level === node.level) {
      const left = this.nodes.pop() as StoredNode;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      completed.push(node);
    }
    this.nodes.push(node);
    return completed;
  }

  /** MTH of the leaves so far: the range's subtrees folded from the right. */
  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_TREE_ROOT;
    let hash = this.nodes[this.nodes.length - 1].hash;
    for (let i = this.nodes.length - 2; i >= 0; i -= 1) hash = nodeHash(this.nodes[i].hash, hash);
    return hash;
  }
}
