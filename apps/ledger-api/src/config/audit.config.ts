import { type KeyObject, createPrivateKey } from 'node:crypto';
import { ConfigError, integer } from './config-values.js';

/** How tree heads are signed and kept. */
export interface AuditConfig {
  /** LEDGER_SIGNING_KEY: an Ed25519 private key (PKCS#8 PEM); null: the key file in the data directory. */
  signingKey: KeyObject | null;
  /** A head is signed at every multiple of this tree size. */
  headEveryEvents: number;
  /** … and for the tree as it stands, when it has grown and the last head is this old. */
  headEverySeconds: number;
}

const signingKeyOf = (env: NodeJS.ProcessEnv): KeyObject | null => {
  const pem = env.LEDGER_SIGNING_KEY;
  if (pem === undefined || pem.trim() === '') return null;
  let key: KeyObject;
  try {
    // A PEM in one line (newlines written as \n) is what many secret stores hand over.
    key = createPrivateKey(pem.replace(/\\n/g, '\n'));
  } catch {
    throw new ConfigError('LEDGER_SIGNING_KEY', 'must be a PEM private key (-----BEGIN PRIVATE KEY-----…)');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(
      'LEDGER_SIGNING_KEY',
      `must be an Ed25519 key, got ${key.asymmetricKeyType ?? 'another kind'}`,
    );
  }
  return key;
};

export const auditOf = (env: NodeJS.ProcessEnv): AuditConfig => ({
  signingKey: signingKeyOf(env),
  headEveryEvents: integer(env, 'LEDGER_TREE_HEAD_EVERY_EVENTS', 1000, 1, 10_000_000),
  headEverySeconds: integer(env, 'LEDGER_TREE_HEAD_EVERY_S', 60, 1, 86_400),
});
