import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../config/ledger-config.js';
import { SIGNING_KEY_FILE, loadSigningKey } from './signing-key.js';

const quiet = new Logger('test');
quiet.log = () => undefined;
quiet.warn = () => undefined;

const publicPem = (key: Parameters<typeof createPublicKey>[0]) =>
  createPublicKey(key).export({ type: 'spki', format: 'pem' });

describe('the tree-head signing key', () => {
  it('is created once in the data directory (mode 0600), and the same key is read by every later start', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'ledger-key-')), 'data');
    const config = { audit: loadConfig({}).audit, dataDir, databaseUrl: null };
    // Starting together, as replicas on one volume do: one key for all.
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadSigningKey(config, quiet)));
    expect(new Set(keys.map(publicPem)).size).toBe(1);
    expect((await stat(join(dataDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(publicPem(await loadSigningKey(config, quiet))).toBe(publicPem(keys[0]));
  });

  it('comes from LEDGER_SIGNING_KEY when set (a PEM, newlines written \\n or not); anything but Ed25519 is refused', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const dataDir = join(await mkdtemp(join(tmpdir(), 'ledger-key-')), 'data');
    for (const written of [pem, pem.replace(/\n/g, '\\n')]) {
      const { audit } = loadConfig({ LEDGER_SIGNING_KEY: written });
      expect(publicPem(await loadSigningKey({ audit, dataDir, databaseUrl: null }, quiet))).toBe(
        publicPem(privateKey),
      );
    }
    await expect(stat(join(dataDir, SIGNING_KEY_FILE))).rejects.toThrow();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => loadConfig({ LEDGER_SIGNING_KEY: rsa as string })).toThrow(ConfigError);
    expect(() => loadConfig({ LEDGER_SIGNING_KEY: 'not a key' })).toThrow(
      /LEDGER_SIGNING_KEY: must be a PEM private key/,
    );
  });

  it('refuses a key file that holds no Ed25519 key', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ledger-key-'));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    await writeFile(join(dataDir, SIGNING_KEY_FILE), rsa);
    await expect(
      loadSigningKey({ audit: loadConfig({}).audit, dataDir, databaseUrl: null }, quiet),
    ).rejects.toThrow(/holds no Ed25519 private key/);
  });
});
