import { ledger, needsBuiltCli } from '../support/built-cli.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyStore } from '#access';
import { connectPostgres } from '#event-store';
import { createTestPostgres } from '#testing';

describe('ledger keys (the CLI)', () => {
  if (needsBuiltCli()) return;

  it('creates, lists and revokes keys on a PostgreSQL server; the key it prints is the one stored', async () => {
    const database = await createTestPostgres();
    const env = { DATABASE_URL: database.url };
    const created = await ledger(
      env,
      'keys',
      'create',
      '--name',
      'hubspot-sync',
      '--scopes',
      'commands:write,read',
    );
    expect(created.code).toBe(0);
    const [summary, secret] = created.stdout.trim().split('\n');
    expect(summary).toMatch(/^[a-z0-9]{16} {2}hubspot-sync {2}\[commands:write, read\]$/);
    const view = connectPostgres(database.url, 1);
    const keys = new ApiKeyStore(view);
    const verified = await keys.verify(secret);
    expect(verified).toMatchObject({ name: 'hubspot-sync', scopes: ['commands:write', 'read'] });
    const id = summary.split(' ')[0];
    expect((await ledger(env, 'keys', 'list')).stdout).toContain(id);
    const revoked = await ledger(env, 'keys', 'revoke', id);
    expect(revoked.stdout).toMatch(/revoked \d{4}-/);
    expect(await keys.verify(secret)).toBe('revoked');
    await view.close();
    await database.close();
  });

  it('works on the embedded database of a stopped service, and explains a wrong command line with exit code 2', async () => {
    const env = { LEDGER_DATA_DIR: join(await mkdtemp(join(tmpdir(), 'ledger-cli-')), 'data') };
    expect((await ledger(env, 'keys', 'create', '--name', 'local', '--scopes', 'admin')).code).toBe(0);
    expect((await ledger(env, 'keys', 'list')).stdout).toContain('local  [admin]');
    const unknown = await ledger(env, 'keys', 'create', '--name', 'x', '--scopes', 'everything');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scopes: everything');
    expect((await ledger(env, 'rebuild')).code).toBe(2);
    expect((await ledger(env, 'keys', 'revoke', 'no-such-key')).stderr).toContain(
      'there is no key no-such-key',
    );
  });
});
