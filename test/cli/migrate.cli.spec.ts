import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENESIS_HASH, anyState, chainAppend } from '#event-store';
import { createTestPostgres, newEvent } from '#testing';
import { type TestApp, registerRoster, startTestApp } from '../support/test-app.js';
import { scratchDir } from './audit-cli-support.js';
import { ledger, needsBuiltCli } from '../support/built-cli.js';

/** The roster as an admin (who holds personal-data) reads it, the whole log folded: person → display name. */
const names = async (t: TestApp) => {
  const roster = await t.http().get(`/v1/team-members?minPosition=${await t.store.headPosition()}`);
  return Object.fromEntries(
    (roster.body.members as { personId: string; displayName: string | null }[]).map((m) => [
      m.personId,
      m.displayName,
    ]),
  );
};

describe('migrating a ledger to another database with export and import', () => {
  if (needsBuiltCli()) return;

  it('checks stream revisions before writing anything: a history whose chain holds but whose stream skips a revision is refused', async () => {
    const first = chainAppend(
      {
        streamId: 's',
        events: [newEvent('A')],
        expectedState: anyState,
        command: { commandId: 'c1', fingerprint: 'f' },
      },
      { position: 0, hash: GENESIS_HASH },
      -1,
      '2026-11-02T09:00:00.000Z',
    );
    const skipping = chainAppend(
      {
        streamId: 's',
        events: [newEvent('B')],
        expectedState: anyState,
        command: { commandId: 'c2', fingerprint: 'f' },
      },
      { position: 1, hash: first[0].hash },
      4,
      '2026-11-02T09:00:01.000Z',
    );
    const dir = await scratchDir();
    const file = join(dir, 'skipping.ndjson');
    await writeFile(file, [...first, ...skipping].map((event) => `${JSON.stringify(event)}\n`).join(''));
    const env = { LEDGER_DATA_DIR: join(dir, 'data') };
    const run = await ledger(env, 'import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /BROKEN: position 2: stream s is at revision 0, the event claims 5; nothing was imported/,
    );
    expect((await ledger(env, 'verify', file)).code).toBe(0);
  });

  it('keeps the display names with --personal-data-from, and a forgotten person stays forgotten', async () => {
    const sourceDb = await createTestPostgres();
    const source = await startTestApp('postgres', {}, sourceDb);
    await registerRoster(source, { 'person-mia': 'marketing', 'person-sam': 'sales', 'person-lee': 'sales' });
    expect((await source.http().post('/v1/team-members/person-lee/forget').send({})).status).toBe(201);
    const before = await names(source);
    expect(before).toEqual({
      'person-lee': null,
      'person-mia': 'Name of person-mia',
      'person-sam': 'Name of person-sam',
    });
    const history = join(await scratchDir(), 'history.ndjson');
    const env = { LEDGER_API_KEY: source.adminKey };
    const exported = await ledger(env, 'export', '--url', await source.url(), '--out', history);
    expect(exported).toMatchObject({ code: 0, stderr: '' });

    const bare = await createTestPostgres();
    expect((await ledger({ DATABASE_URL: bare.url }, 'import', history)).code).toBe(0);
    const withKeys = await createTestPostgres();
    const imported = await ledger(
      { DATABASE_URL: withKeys.url },
      'import',
      history,
      '--personal-data-from',
      sourceDb.url,
    );
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/copied \d+ personal-data keys/);

    const sealed = await startTestApp('postgres', {}, bare);
    expect(await names(sealed)).toEqual({ 'person-lee': null, 'person-mia': null, 'person-sam': null });
    await sealed.close();
    const migrated = await startTestApp('postgres', {}, withKeys);
    expect(await names(migrated)).toEqual(before);
    const again = await migrated
      .http()
      .post('/v1/team-members/person-lee/register')
      .send({ displayName: 'Lee', team: 'sales' });
    expect(again.status).toBe(409);
    // Forgotten at the source after the move: the forget travels with the keys, on the next run.
    expect((await source.http().post('/v1/team-members/person-sam/forget').send({})).status).toBe(201);
    const rerun = await ledger(
      { DATABASE_URL: withKeys.url },
      'import',
      history,
      '--personal-data-from',
      sourceDb.url,
    );
    expect(rerun).toMatchObject({ code: 0, stderr: '' });
    expect(rerun.stdout).toContain('already holds this whole history');
    expect((await names(migrated))['person-sam']).toBeNull();
    await migrated.close();
    const gone = await ledger(
      { DATABASE_URL: bare.url },
      'import',
      history,
      '--personal-data-from',
      '/nonexistent/data',
    );
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^cannot read the personal-data keys of \/nonexistent\/data/);
    await source.close();
  });
});
