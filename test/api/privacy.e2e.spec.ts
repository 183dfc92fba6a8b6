import { type TestApp, registerRoster, startTestApp } from '../support/test-app.js';

describe('privacy of authors and names', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await registerRoster(t, { noor: 'marketing', sam: 'sales' });
    await t
      .http()
      .post('/v1/retros/r1/open')
      .send({ subject: { kind: 'period', period: '2026-W47' }, facilitator: 'noor' });
  });
  afterAll(() => t.close());

  const everythingStored = async () =>
    JSON.stringify([
      await t.store.readAll({ afterPosition: 0 }),
      await t.database.query('SELECT * FROM ledger_commands'),
    ]);

  it('an anonymous note keeps neither the client’s Idempotency-Key nor its correlation id, yet retries still work', async () => {
    const send = () =>
      t
        .http()
        .post('/v1/retros/r1/add-note')
        .set('Idempotency-Key', 'sam-laptop-note-1')
        .set('X-Correlation-Id', 'session-sam-42')
        .send({ noteId: 'n1', column: 'to-improve', text: 'Handoffs on Fridays wait until Monday' });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const stored = await everythingStored();
    expect(stored).not.toContain('sam-laptop-note-1');
    expect(stored).not.toContain('session-sam-42');
    const [note] = await t.store.readAll({ afterPosition: first.body.globalPosition - 1, maxCount: 1 });
    expect(note.data.author).toBeNull();
    expect(note.metadata.actor).toBeNull();
  });

  it('a signed note keeps its author and the client’s ids', async () => {
    const response = await t
      .http()
      .post('/v1/retros/r1/add-note')
      .set('Idempotency-Key', 'sam-note-2')
      .send({ noteId: 'n2', column: 'kudos', text: 'The ROI calculator helped on two calls', author: 'sam' });
    expect(response.body.commandId).toBe('sam-note-2');
  });

  it('no display name, nor anything derived from it, is kept outside the sealed token', async () => {
    await registerRoster(t, { 'person-rare': 'sales' });
    const stored = await everythingStored();
    expect(stored).not.toContain('Name of person-rare');
    // A retry with another spelling of the name is the same command: the name is not part of the fingerprint.
    const first = await t
      .http()
      .post('/v1/team-members/p9/register')
      .set('Idempotency-Key', 'reg-p9')
      .send({ displayName: 'Jo Smith', team: 'sales' });
    const retry = await t
      .http()
      .post('/v1/team-members/p9/register')
      .set('Idempotency-Key', 'reg-p9')
      .send({ displayName: 'Joanne Smith', team: 'sales' });
    expect(retry.text).toBe(first.text);
  });
});
