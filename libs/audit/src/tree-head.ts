import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What a tree head states: the log's tree of `treeSize` events had this root at this time. */
export interface TreeHead {
  treeSize: number;
  /** Hex SHA-256 root of the RFC 9162 tree over the first treeSize event hashes. */
  rootHash: string;
  /** ISO-8601 instant of signing. */
  timestamp: string;
}

export interface SignedTreeHead extends TreeHead {
  /** Base64 Ed25519 signature of signedBytes(head). */
  signature: string;
  /** keyIdOf the public key that verifies it. */
  keyId: string;
}

/**
 * The bytes signed: RFC 8785 canonical JSON of exactly the three stated
 * fields, so any language can rebuild them from the JSON it received.
 */
export const treeHeadSignedBytes = (head: TreeHead): Buffer => {
  const text = canonicalize({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp });
  return Buffer.from(text as string, 'utf8');
};

/** Hex SHA-256 of the public key's DER (SPKI) encoding. */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

export const signTreeHead = (head: TreeHead, privateKey: KeyObject): SignedTreeHead => ({
  treeSize: head.treeSize,
  rootHash: head.rootHash,
  timestamp: head.timestamp,
  signature: sign(null, treeHeadSignedBytes(head), privateKey).toString('base64'),
  keyId: keyIdOf(createPublicKey(privateKey)),
});

/** True when the signature is the key's over the head's three fields. */
export const verifyTreeHead = (head: SignedTreeHead, publicKey: KeyObject): boolean => {
  if (publicKey.asymmetricKeyType !== 'ed25519') return false;
  try {
    return verify(null, treeHeadSignedBytes(head), publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
};
