import {
  REFERENCE_CONSISTENCY_PROOFS,
  REFERENCE_EMPTY_ROOT,
  REFERENCE_INCLUSION_PROOFS,
  REFERENCE_LEAVES,
  REFERENCE_NODE_HASHES,
  REFERENCE_ROOTS,
} from '#testing';
import { leafHash, nodeHash } from './merkle-hashing.js';
import { verifyConsistency, verifyInclusion } from './proof-verification.js';

const unhex = (hex: string): Buffer => Buffer.from(hex, 'hex');
const leafAt = (index: number): Buffer => leafHash(unhex(REFERENCE_LEAVES[index] ?? ''));
const rootOf = (size: number): Buffer => unhex(REFERENCE_ROOTS[size - 1] ?? '');
const EMPTY_ROOT = unhex(REFERENCE_EMPTY_ROOT);
const SOME_HASH = unhex('abacaba000000000000000000000000000000000000000000060061e00123456');

// The RFC 9162 definitions, recursively and literally (§2.1.1, §2.1.3.1, §2.1.4.1), to check
// the verifier on every small tree without relying on the prover under test elsewhere.
const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: readonly Buffer[]): Buffer =>
  d.length === 1
    ? (d[0] ?? Buffer.alloc(0))
    : nodeHash(mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
const path = (m: number, d: readonly Buffer[]): Buffer[] => {
  if (d.length === 1) return [];
  const split = k(d.length);
  return m < split
    ? [...path(m, d.slice(0, split)), mth(d.slice(split))]
    : [...path(m - split, d.slice(split)), mth(d.slice(0, split))];
};
const subproof = (m: number, d: readonly Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const split = k(d.length);
  return m <= split
    ? [...subproof(m, d.slice(0, split), b), mth(d.slice(split))]
    : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
};
const LEAVES_64 = Array.from({ length: 64 }, (_, i) => leafHash(Buffer.from([i])));

/** A copy of the proof with one bit flipped in one hash. */
const flipped = (proof: readonly Buffer[], at: number, byte = 0, mask = 0x08): Buffer[] =>
  proof.map((hash, i) => {
    if (i !== at) return hash;
    const copy = Buffer.from(hash);
    copy[byte] = (copy[byte] ?? 0) ^ mask;
    return copy;
  });

describe('RFC 9162 proof verification', () => {
  describe('the reference vectors themselves', () => {
    it('given the eight reference leaves, when hashed with 0x00, then they are the level-0 reference nodes', () => {
      expect(REFERENCE_LEAVES.map((_, i) => leafAt(i).toString('hex'))).toEqual(REFERENCE_NODE_HASHES[0]);
    });

    it('given the one-leaf and eight-leaf trees, then their roots are the known-good ones', () => {
      expect(REFERENCE_ROOTS[0]).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
      expect(REFERENCE_ROOTS[7]).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    });

    it('given the RFC definitions used below, when applied to the reference leaves, then they give the reference roots and proofs', () => {
      const d = REFERENCE_LEAVES.map((_, i) => leafAt(i));
      expect(REFERENCE_ROOTS.map((_, i) => mth(d.slice(0, i + 1)).toString('hex'))).toEqual(REFERENCE_ROOTS);
      for (const { leafIndex, treeSize, proof } of REFERENCE_INCLUSION_PROOFS) {
        expect(path(leafIndex, d.slice(0, treeSize)).map((h) => h.toString('hex'))).toEqual(proof);
      }
      for (const { fromSize, toSize, proof } of REFERENCE_CONSISTENCY_PROOFS) {
        expect(subproof(fromSize, d.slice(0, toSize), true).map((h) => h.toString('hex'))).toEqual(proof);
      }
    });
  });

  describe('verifyInclusion (§2.1.3.2)', () => {
    describe.each(REFERENCE_INCLUSION_PROOFS)(
      'given the reference proof of leaf $leafIndex in the tree of $treeSize',
      ({ leafIndex, treeSize, proof: hexProof }) => {
        const proof = hexProof.map(unhex);
        const leaf = leafAt(leafIndex);
        const root = rootOf(treeSize);

        it('when verified as published, then it holds', () => {
          expect(verifyInclusion(leaf, leafIndex, treeSize, proof, root)).toBe(true);
        });

        it('when any hash of the proof has a bit flipped, then it fails', () => {
          for (let at = 0; at < proof.length; at++) {
            expect(verifyInclusion(leaf, leafIndex, treeSize, flipped(proof, at), root)).toBe(false);
            expect(verifyInclusion(leaf, leafIndex, treeSize, flipped(proof, at, 31, 0x01), root)).toBe(
              false,
            );
          }
        });

        it('when claimed for another index, then it fails', () => {
          for (const wrong of [leafIndex - 1, leafIndex + 1, leafIndex ^ 2, treeSize, -1, 0.5]) {
            if (wrong === leafIndex) continue;
            expect(verifyInclusion(leaf, wrong, treeSize, proof, root)).toBe(false);
          }
        });

        it('when claimed for a tree of another height, then it fails', () => {
          // Only sizes whose path has another shape can be told apart (see the test below).
          for (const wrong of [treeSize * 2, Math.floor(treeSize / 2), 0]) {
            if (wrong === treeSize) continue;
            expect(verifyInclusion(leaf, leafIndex, wrong, proof, root)).toBe(false);
          }
        });

        it('when truncated, extended or padded, then it fails', () => {
          if (proof.length > 0) {
            expect(verifyInclusion(leaf, leafIndex, treeSize, proof.slice(0, -1), root)).toBe(false);
            expect(verifyInclusion(leaf, leafIndex, treeSize, proof.slice(1), root)).toBe(false);
          }
          for (const extra of [SOME_HASH, root, leaf, Buffer.alloc(0)]) {
            expect(verifyInclusion(leaf, leafIndex, treeSize, [...proof, extra], root)).toBe(false);
            expect(verifyInclusion(leaf, leafIndex, treeSize, [extra, ...proof], root)).toBe(false);
          }
          if (proof.length > 1) {
            const [first, ...rest] = proof;
            expect(
              verifyInclusion(leaf, leafIndex, treeSize, [...rest, ...(first ? [first] : [])], root),
            ).toBe(false);
          }
        });

        it('when checked against another root or for another leaf, then it fails', () => {
          expect(verifyInclusion(leaf, leafIndex, treeSize, proof, EMPTY_ROOT)).toBe(false);
          expect(verifyInclusion(leaf, leafIndex, treeSize, proof, SOME_HASH)).toBe(false);
          expect(verifyInclusion(leafHash(Buffer.from('WrongLeaf')), leafIndex, treeSize, proof, root)).toBe(
            false,
          );
          // The unhashed leaf data is not the leaf hash.
          expect(
            verifyInclusion(unhex(REFERENCE_LEAVES[leafIndex] ?? ''), leafIndex, treeSize, proof, root),
          ).toBe(false);
        });
      },
    );

    it('given every leaf of every reference tree, when its proof is assembled from the reference nodes, then it holds', () => {
      // The reference proofs above cover a few (index, size) pairs; these cover all of them,
      // from the published node hashes (sizes that are powers of two only need complete subtrees).
      const node = (level: number, index: number) => unhex(REFERENCE_NODE_HASHES[level]?.[index] ?? '');
      for (const size of [1, 2, 4, 8]) {
        const levels = Math.log2(size);
        for (let index = 0; index < size; index++) {
          const proof = Array.from({ length: levels }, (_, level) => node(level, (index >> level) ^ 1));
          expect(verifyInclusion(leafAt(index), index, size, proof, rootOf(size))).toBe(true);
          expect(verifyInclusion(leafAt(index), index ^ 1, size, proof, rootOf(size))).toBe(false);
        }
      }
    });

    it('given a size whose path has the same shape, then the proof alone cannot tell it apart', () => {
      // Leaf 0's path in trees of 7 and 8 leaves has the same three right siblings, so the
      // same proof and root pass for both: the size is bound to the root by the signed tree
      // head, not by the proof (RFC 9162 §2.1.3.2 checks only that the path fits the size).
      const { proof } = REFERENCE_INCLUSION_PROOFS[5] ?? { proof: [] };
      expect(verifyInclusion(leafAt(0), 0, 7, proof.map(unhex), rootOf(8))).toBe(true);
      expect(verifyInclusion(leafAt(0), 0, 7, proof.map(unhex), rootOf(7))).toBe(false);
    });

    it('given every leaf of every tree up to 64 leaves, when proven by the RFC definition, then it holds and nowhere else', () => {
      for (let size = 1; size <= 64; size++) {
        const d = LEAVES_64.slice(0, size);
        const root = mth(d);
        for (let m = 0; m < size; m++) {
          const leaf = d[m] ?? Buffer.alloc(0);
          const proof = path(m, d);
          expect(verifyInclusion(leaf, m, size, proof, root)).toBe(true);
          if (size > 1) expect(verifyInclusion(leaf, (m + 1) % size, size, proof, root)).toBe(false);
          if (proof.length > 0)
            expect(verifyInclusion(leaf, m, size, flipped(proof, proof.length - 1), root)).toBe(false);
        }
      }
    });

    it('given an index at or past the tree size, then it fails without throwing', () => {
      const leaf = leafAt(0);
      expect(verifyInclusion(leaf, 0, 0, [], EMPTY_ROOT)).toBe(false);
      expect(verifyInclusion(leaf, 1, 1, [], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 2, 1, [], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 8, 8, [], rootOf(8))).toBe(false);
    });

    it('given malformed input, then it returns false rather than throwing', () => {
      const leaf = leafAt(0);
      expect(verifyInclusion(Buffer.alloc(0), 0, 1, [], Buffer.alloc(0))).toBe(false);
      expect(verifyInclusion(leaf, 0, 1, [], Buffer.from('short'))).toBe(false);
      expect(verifyInclusion(leaf, Number.NaN, 1, [], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 0, Number.POSITIVE_INFINITY, [], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 0, 2 ** 60, [], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 0, 2, [null as unknown as Buffer], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 0, 2, 'nope' as unknown as Buffer[], leaf)).toBe(false);
    });

    it('given a one-leaf tree, then the empty proof holds exactly when the root is the leaf hash', () => {
      const leaf = leafAt(3);
      expect(verifyInclusion(leaf, 0, 1, [], leaf)).toBe(true);
      expect(verifyInclusion(leaf, 0, 1, [], SOME_HASH)).toBe(false);
      expect(verifyInclusion(leaf, 0, 1, [leaf], leaf)).toBe(false);
    });
  });

  describe('verifyConsistency (§2.1.4.2)', () => {
    describe.each(REFERENCE_CONSISTENCY_PROOFS)(
      'given the reference proof from size $fromSize to size $toSize',
      ({ fromSize, toSize, proof: hexProof }) => {
        const proof = hexProof.map(unhex);
        const fromRoot = rootOf(fromSize);
        const toRoot = rootOf(toSize);

        it('when verified as published, then it holds', () => {
          expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, proof)).toBe(true);
        });
      },
    );

    // The trivial proof (equal sizes) has nothing to alter: the edge cases below cover it.
    describe.each(REFERENCE_CONSISTENCY_PROOFS.filter(({ proof }) => proof.length > 0))(
      'given the reference proof from size $fromSize to size $toSize, altered',
      ({ fromSize, toSize, proof: hexProof }) => {
        const proof = hexProof.map(unhex);
        const fromRoot = rootOf(fromSize);
        const toRoot = rootOf(toSize);

        it('when any hash of the proof has a bit flipped, then it fails', () => {
          for (let at = 0; at < proof.length; at++) {
            expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, flipped(proof, at, 0, 0x10))).toBe(
              false,
            );
            expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, flipped(proof, at, 31, 0x01))).toBe(
              false,
            );
          }
        });

        it('when claimed between other sizes, then it fails', () => {
          for (const wrong of [fromSize - 1, fromSize + 1, fromSize ^ 2]) {
            expect(verifyConsistency(wrong, toSize, fromRoot, toRoot, proof)).toBe(false);
          }
          for (const wrong of [toSize * 2, Math.floor(toSize / 2)]) {
            expect(verifyConsistency(fromSize, wrong, fromRoot, toRoot, proof)).toBe(false);
          }
        });

        it('when a root is wrong or the roots are swapped, then it fails', () => {
          expect(verifyConsistency(fromSize, toSize, toRoot, fromRoot, proof)).toBe(false);
          expect(verifyConsistency(fromSize, toSize, SOME_HASH, toRoot, proof)).toBe(false);
          expect(verifyConsistency(fromSize, toSize, fromRoot, SOME_HASH, proof)).toBe(false);
          expect(verifyConsistency(fromSize, toSize, Buffer.from('WrongRoot'), toRoot, proof)).toBe(false);
        });

        it('when emptied, truncated, extended or padded, then it fails', () => {
          expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, [])).toBe(false);
          expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, proof.slice(0, -1))).toBe(false);
          expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, proof.slice(1))).toBe(false);
          for (const extra of [SOME_HASH, fromRoot, toRoot, proof[0] ?? SOME_HASH, Buffer.alloc(0)]) {
            expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, [...proof, extra])).toBe(false);
            expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, [extra, ...proof])).toBe(false);
          }
        });
      },
    );

    it('given a first tree that is a complete subtree, then its root is not part of the proof', () => {
      // From 4 to 8: the proof is the right half alone; the verifier supplies the left (step 2).
      const rightHalf = unhex(REFERENCE_NODE_HASHES[2]?.[1] ?? '');
      expect(verifyConsistency(4, 8, rootOf(4), rootOf(8), [rightHalf])).toBe(true);
      expect(verifyConsistency(4, 8, rootOf(4), rootOf(8), [rootOf(4), rightHalf])).toBe(false);
      // From 2 to 8, and 2 to 4 (h and l, then h, in transparency-dev/merkle's proof/proof_test.go).
      const node = (level: number, index: number) => unhex(REFERENCE_NODE_HASHES[level]?.[index] ?? '');
      expect(verifyConsistency(2, 8, rootOf(2), rootOf(8), [node(1, 1), node(2, 1)])).toBe(true);
      expect(verifyConsistency(2, 4, rootOf(2), rootOf(4), [node(1, 1)])).toBe(true);
      expect(verifyConsistency(1, 2, rootOf(1), rootOf(2), [node(0, 1)])).toBe(true);
    });

    it('given every pair of sizes up to 64 leaves, when proven by the RFC definition, then it holds and nowhere else', () => {
      for (let to = 2; to <= 64; to++) {
        const d = LEAVES_64.slice(0, to);
        const toRoot = mth(d);
        for (let from = 1; from < to; from++) {
          const fromRoot = mth(d.slice(0, from));
          const proof = subproof(from, d, true);
          expect(verifyConsistency(from, to, fromRoot, toRoot, proof)).toBe(true);
          expect(verifyConsistency(from, to, toRoot, fromRoot, proof)).toBe(false);
          expect(verifyConsistency(from, to, fromRoot, toRoot, flipped(proof, 0))).toBe(false);
          expect(verifyConsistency(from, to, fromRoot, toRoot, proof.slice(0, -1))).toBe(false);
        }
      }
    });

    it('given equal sizes, then the empty proof holds exactly when the roots are equal', () => {
      for (let size = 1; size <= 8; size++) {
        expect(verifyConsistency(size, size, rootOf(size), rootOf(size), [])).toBe(true);
        expect(verifyConsistency(size, size, rootOf(size), SOME_HASH, [])).toBe(false);
        expect(verifyConsistency(size, size, rootOf(size), rootOf(size), [rootOf(size)])).toBe(false);
      }
    });

    it('given an empty first tree or a shrinking log, then it fails', () => {
      expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(false);
      expect(verifyConsistency(0, 1, EMPTY_ROOT, rootOf(1), [])).toBe(false);
      expect(verifyConsistency(0, 8, EMPTY_ROOT, rootOf(8), [rootOf(8)])).toBe(false);
      expect(verifyConsistency(2, 1, rootOf(2), rootOf(1), [])).toBe(false);
      expect(
        verifyConsistency(
          8,
          6,
          rootOf(8),
          rootOf(6),
          REFERENCE_CONSISTENCY_PROOFS[3]?.proof.map(unhex) ?? [],
        ),
      ).toBe(false);
    });

    it('given malformed input, then it returns false rather than throwing', () => {
      const proof = REFERENCE_CONSISTENCY_PROOFS[1]?.proof.map(unhex) ?? [];
      expect(verifyConsistency(1, 8, rootOf(1), rootOf(8), [null as unknown as Buffer, ...proof])).toBe(
        false,
      );
      expect(verifyConsistency(1, 8, rootOf(1), rootOf(8), undefined as unknown as Buffer[])).toBe(false);
      expect(verifyConsistency(1.5, 8, rootOf(1), rootOf(8), proof)).toBe(false);
      expect(verifyConsistency(1, 2 ** 60, rootOf(1), rootOf(8), proof)).toBe(false);
      expect(verifyConsistency(-1, 8, rootOf(1), rootOf(8), proof)).toBe(false);
      expect(verifyConsistency(1, 8, Buffer.alloc(0), rootOf(8), proof)).toBe(false);
    });
  });
});
