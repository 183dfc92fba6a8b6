import { join } from 'node:path';
import { createTestPostgres } from '#testing';
import { type TestApp, registerRoster, startTestApp } from '../support/test-app.js';
import { cliBuilt, ledger, scratchDir } from './audit-cli-support.js';

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
  if (!cliBuilt) {
    it('needs the build: run through `npm test`, which builds first', () => {
      throw new Error('dist/apps/ledger-cli/src/main.js is missing');
    });
    return;
  }

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
    await source.client();
    const history = join(await scratchDir(), 'history.ndjson');
    const env = { LEDGER_API_KEY: source.adminKey };
    const exported = await ledger(env, 'export', '--url', await source.app.getUrl(), '--out', history);
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
