import { type KeyObject, createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import type { LedgerConfig } from '../config/ledger-config.js';

export const SIGNING_KEY_FILE = 'signing-key.pem';

const readOrCreate = async (file: string): Promise<{ key: KeyObject; created: boolean }> => {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return { key: createPrivateKey(existing), created: false };
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  // Written aside, then linked into place: another process (a replica on a shared volume) sees
  // either no key or a whole one, and a key it put there a moment ago is kept and read instead.
  const aside = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(aside, pem, { mode: 0o600, flag: 'wx' });
  const wrote = await link(aside, file)
    .then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    )
    .finally(() => unlink(aside));
  return wrote
    ? { key: privateKey, created: true }
    : { key: createPrivateKey(await readFile(file, 'utf8')), created: false };
};

/**
 * The Ed25519 key tree heads are signed with: LEDGER_SIGNING_KEY, or the key
 * file in the data directory, created on first start (mode 0600). Replicas
 * on one server database must share LEDGER_SIGNING_KEY, or their heads would
 * carry different keys.
 */
export const loadSigningKey = async (
  config: Pick<LedgerConfig, 'audit' | 'dataDir' | 'databaseUrl'>,
  logger: Logger,
): Promise<KeyObject> => {
  if (config.audit.signingKey) return config.audit.signingKey;
  await mkdir(config.dataDir, { recursive: true });
  const file = join(config.dataDir, SIGNING_KEY_FILE);
  const { key, created } = await readOrCreate(file);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} holds no Ed25519 private key`);
  logger.log(
    `${created ? 'Created the tree-head signing key' : 'Tree heads are signed with the key'} in ${file}`,
  );
  if (config.databaseUrl !== null) {
    logger.warn('Set LEDGER_SIGNING_KEY so that every replica signs tree heads with the same key');
  }
  return key;
};
