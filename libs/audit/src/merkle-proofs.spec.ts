import {
  REFERENCE_CONSISTENCY_PROOFS,
  REFERENCE_EMPTY_ROOT,
  REFERENCE_INCLUSION_PROOFS,
  REFERENCE_LEAVES,
  REFERENCE_NODE_HASHES,
  REFERENCE_ROOTS,
} from '#testing';
import { CompactRange, type StoredNode, compactRangeRefs } from './compact-range.js';
import { leafHash } from './merkle-hashing.js';
import {
  type NodeLookup,
  type NodeRef,
  consistencyProof,
  inclusionProof,
  nodesRead,
  treeRoot,
} from './merkle-proofs.js';
import { verifyConsistency, verifyInclusion } from './proof-verification.js';

const hex = (hash: Buffer): string => hash.toString('hex');
const key = ({ level, index }: NodeRef): string => `${level}:${index}`;

/** A log grown leaf by leaf, keeping every completed subtree as a store would, and its root at each size. */
const grow = (leaves: readonly Buffer[]) => {
  const nodes = new Map<string, StoredNode>();
  const roots: Buffer[] = [];
  const range = CompactRange.empty();
  for (const leaf of leaves) {
    for (const node of range.push(leaf)) nodes.set(key(node), node);
    roots.push(range.root());
  }
  /** The lookup a store answers for the tree of `size` leaves: only subtrees complete within it. */
  const lookupAt =
    (size: number): NodeLookup =>
    (level, index) => {
      const node = nodes.get(key({ level, index }));
      if (node === undefined || (index + 1) * 2 ** level > size) {
        throw new Error(`read of node ${level}:${index}, which a tree of ${size} leaves does not have`);
      }
      return node.hash;
    };
  return { nodes, roots, lookupAt };
};

const REFERENCE = grow(REFERENCE_LEAVES.map((leaf) => leafHash(Buffer.from(leaf, 'hex'))));

/** Deterministic, so a failure can be replayed (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('the prover against the Certificate Transparency reference vectors', () => {
  it('given the eight reference leaves pushed into a compact range, then every completed subtree is the reference node', () => {
    const byLevel = REFERENCE_NODE_HASHES.map((level, l) =>
      level
        .map((_, i) => REFERENCE.nodes.get(key({ level: l, index: i })))
        .map((node) => node && hex(node.hash)),
    );
    expect(byLevel).toEqual(REFERENCE_NODE_HASHES);
    expect(REFERENCE.nodes.size).toBe(REFERENCE_NODE_HASHES.flat().length);
  });

  it('given each push, when the compact range gives its root, then it is the reference root of that size', () => {
    expect(REFERENCE.roots.map(hex)).toEqual(REFERENCE_ROOTS);
    expect(hex(CompactRange.empty().root())).toBe(REFERENCE_EMPTY_ROOT);
  });

  it('given the stored subtrees, when treeRoot is asked for sizes 0..8, then it gives the reference roots', () => {
    expect(hex(treeRoot(REFERENCE.lookupAt(0), 0))).toBe(REFERENCE_EMPTY_ROOT);
    for (let size = 1; size <= 8; size++) {
      expect(hex(treeRoot(REFERENCE.lookupAt(size), size))).toBe(REFERENCE_ROOTS[size - 1]);
    }
  });

  it.each(REFERENCE_INCLUSION_PROOFS)(
    'given leaf $leafIndex in the tree of $treeSize, when inclusionProof is asked, then it is the reference proof',
    ({ leafIndex, treeSize, proof }) => {
      expect(inclusionProof(REFERENCE.lookupAt(treeSize), leafIndex, treeSize).map(hex)).toEqual(proof);
    },
  );

  it.each(REFERENCE_CONSISTENCY_PROOFS)(
    'given sizes $fromSize and $toSize, when consistencyProof is asked, then it is the reference proof',
    ({ fromSize, toSize, proof }) => {
      expect(consistencyProof(REFERENCE.lookupAt(toSize), fromSize, toSize).map(hex)).toEqual(proof);
    },
  );

  it('given every (index, size) and (from, to) of the reference tree, then each proof made verifies against the reference roots', () => {
    for (let size = 1; size <= 8; size++) {
      const get = REFERENCE.lookupAt(size);
      const root = Buffer.from(REFERENCE_ROOTS[size - 1] ?? '', 'hex');
      for (let index = 0; index < size; index++) {
        const leaf = REFERENCE.nodes.get(key({ level: 0, index }))?.hash ?? Buffer.alloc(0);
        expect(verifyInclusion(leaf, index, size, inclusionProof(get, index, size), root)).toBe(true);
      }
      for (let from = 1; from <= size; from++) {
        const fromRoot = Buffer.from(REFERENCE_ROOTS[from - 1] ?? '', 'hex');
        expect(verifyConsistency(from, size, fromRoot, root, consistencyProof(get, from, size))).toBe(true);
      }
    }
  });
});

describe('the prover on random trees of up to 300 leaves', () => {
  const next = random(9162);
  const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`leaf ${i} ${next()}`)));
  const log = grow(leaves);
  const sizes = [
    1,
    2,
    3,
    127,
    128,
    129,
    255,
    256,
    257,
    300,
    ...Array.from({ length: 30 }, () => 1 + Math.floor(next() * 300)),
  ];
  /** 2·⌈log2 n⌉ + 2: a path of ⌈log2 n⌉ siblings, one of which may be split into ⌈log2 n⌉ more. */
  const budget = (size: number) => 2 * Math.ceil(Math.log2(size)) + 2;

  /** What is wrong with the reads of one proof, if anything (collected, so one expect per tree). */
  const readProblems = (refs: readonly NodeRef[], size: number, what: string): string[] => [
    ...refs
      .filter((ref) => !log.nodes.has(key(ref)) || (ref.index + 1) * 2 ** ref.level > size)
      .map((ref) => `${what} reads ${key(ref)}, not a node of the tree of ${size}`),
    ...(refs.length > budget(size) ? [`${what} reads ${refs.length} nodes, over ${budget(size)}`] : []),
  ];

  it.each(sizes)(
    'given the tree of %i leaves, then treeRoot reads exactly its compact range and matches the pushed root',
    (size) => {
      const get = log.lookupAt(size);
      expect(treeRoot(get, size).equals(log.roots[size - 1] ?? Buffer.alloc(0))).toBe(true);
      const reads = nodesRead((lookup) => treeRoot(lookup, size)).map(key);
      expect(new Set(reads)).toEqual(new Set(compactRangeRefs(size).map(key)));
    },
  );

  it.each(sizes)(
    'given the tree of %i leaves, then every inclusion proof verifies and reads few existing nodes',
    (size) => {
      const get = log.lookupAt(size);
      const root = log.roots[size - 1] ?? Buffer.alloc(0);
      const problems: string[] = [];
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(get, index, size);
        if (!verifyInclusion(leaves[index] ?? Buffer.alloc(0), index, size, proof, root)) {
          problems.push(`the proof of leaf ${index} does not verify`);
        }
        problems.push(
          ...readProblems(
            nodesRead((lookup) => inclusionProof(lookup, index, size)),
            size,
            `leaf ${index}`,
          ),
        );
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(sizes)(
    'given the tree of %i leaves, then the consistency proof from every smaller size verifies and reads few existing nodes',
    (size) => {
      const get = log.lookupAt(size);
      const root = log.roots[size - 1] ?? Buffer.alloc(0);
      const problems: string[] = [];
      for (let from = 1; from <= size; from++) {
        const proof = consistencyProof(get, from, size);
        if (!verifyConsistency(from, size, log.roots[from - 1] ?? Buffer.alloc(0), root, proof)) {
          problems.push(`the proof from ${from} does not verify`);
        }
        problems.push(
          ...readProblems(
            nodesRead((lookup) => consistencyProof(lookup, from, size)),
            size,
            `from ${from}`,
          ),
        );
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(sizes)(
    'given a log resumed at %i leaves from its stored compact range, then it grows as a fresh one does',
    (size) => {
      const range = compactRangeRefs(size).map((ref) => log.nodes.get(key(ref)));
      expect(range.every((node) => node !== undefined)).toBe(true);
      const resumed = CompactRange.resume(size, range as StoredNode[]);
      expect(resumed.size).toBe(size);
      expect(resumed.root().equals(log.roots[size - 1] ?? Buffer.alloc(0))).toBe(true);
      const problems: string[] = [];
      for (let i = size; i < leaves.length; i++) {
        for (const node of resumed.push(leaves[i] ?? Buffer.alloc(0))) {
          if (log.nodes.get(key(node))?.hash.equals(node.hash) !== true)
            problems.push(`node ${key(node)} differs`);
        }
        if (!resumed.root().equals(log.roots[i] ?? Buffer.alloc(0)))
          problems.push(`the root of ${i + 1} differs`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('given a stored range that does not cover the size, then resume refuses it', () => {
    const range = compactRangeRefs(5).map((ref) => log.nodes.get(key(ref)) as StoredNode);
    expect(() => CompactRange.resume(6, range)).toThrow(/does not cover a tree of 6 leaves/);
    expect(() => CompactRange.resume(5, range.slice(1))).toThrow();
  });
});
