import { type KeyObject, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type SignedTreeHead, keyIdOf, verifyTreeHead } from '#audit';
import { UsageError } from '../cli-io.js';

const HEX64 = /^[0-9a-f]{64}$/;

/** A tree head saved as GetTreeHead answered it (`ledger tree-head --out`). */
export const readTreeHead = async (file: string): Promise<SignedTreeHead> => {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`cannot read the tree head ${file}`);
  });
  let head: Partial<SignedTreeHead>;
  try {
    head = JSON.parse(text) as Partial<SignedTreeHead>;
  } catch {
    throw new UsageError(`${file} is not JSON: save a head with \`ledger tree-head --out ${file}\``);
  }
  const valid =
    Number.isSafeInteger(head.treeSize) &&
    (head.treeSize ?? -1) >= 0 &&
    HEX64.test(head.rootHash ?? '') &&
    typeof head.timestamp === 'string' &&
    typeof head.signature === 'string';
  if (!valid) throw new UsageError(`${file} is not a tree head (treeSize, rootHash, timestamp, signature)`);
  return head as SignedTreeHead;
};

export const readPublicKey = async (file: string): Promise<KeyObject> => {
  const pem = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`cannot read the public key ${file}`);
  });
  try {
    return createPublicKey(pem);
  } catch {
    throw new UsageError(`${file} is not a PEM public key: save it with \`ledger public-key --out ${file}\``);
  }
};

/** What is wrong with the head's signature under the key, or null when it verifies. */
export const signatureProblem = (head: SignedTreeHead, key: KeyObject, name: string): string | null =>
  verifyTreeHead(head, key)
    ? null
    : `the signature of ${name} (size ${head.treeSize}) does not verify with key ${keyIdOf(key).slice(0, 16)}…: the head was altered or signed with another key`;
