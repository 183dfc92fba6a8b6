import {
  type TestApp,
  campaignBrief,
  defaultRoster,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('X-Correlation-Id on every answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await registerRoster(t, defaultRoster);
    await t
      .http()
      .post('/v1/retros/corr-retro/open')
      .send({ subject: { kind: 'period', period: '2026-W47' }, facilitator: 'person-mia' });
  });
  afterAll(() => t.close());

  const stored = async (globalPosition: number) => {
    const [event] = await t.store.readAll({ afterPosition: globalPosition - 1, maxCount: 1 });
    return event.metadata.correlationId;
  };

  it('a command answers with the client’s id, the one stored in its events', async () => {
    const response = await t
      .http()
      .post('/v1/campaigns/corr-1/launch')
      .set('X-Correlation-Id', 'crm-sync-7f3a')
      .send(campaignBrief());
    expect(response.status).toBe(201);
    expect(response.headers['x-correlation-id']).toBe('crm-sync-7f3a');
    expect(await stored(response.body.globalPosition)).toBe('crm-sync-7f3a');
  });

  it('a command without one answers with the id generated for it, the one stored in its events', async () => {
    const response = await t.http().post('/v1/campaigns/corr-2/launch').send(campaignBrief());
    expect(response.status).toBe(201);
    expect(response.headers['x-correlation-id']).toMatch(UUID);
    expect(await stored(response.body.globalPosition)).toBe(response.headers['x-correlation-id']);
  });

  it('an anonymous retro note answers with the anonymised id it stored, never the client’s', async () => {
    const response = await t
      .http()
      .post('/v1/retros/corr-retro/add-note')
      .set('X-Correlation-Id', 'device-of-sam')
      .send({ noteId: 'anon-1', column: 'learning', text: 'Briefings reached reps late' });
    expect(response.status).toBe(201);
    expect(response.headers['x-correlation-id']).toMatch(UUID);
    expect(await stored(response.body.globalPosition)).toBe(response.headers['x-correlation-id']);
  });

  it('a read answers with the client’s id, or one of its own', async () => {
    const echoed = await t.http().get('/v1/projections').set('X-Correlation-Id', 'dash-1');
    expect(echoed.headers['x-correlation-id']).toBe('dash-1');
    const generated = await t.http().get('/v1/projections');
    expect(generated.headers['x-correlation-id']).toMatch(UUID);
  });

  it('errors carry it too: validation, authentication, unknown route, body, precondition', async () => {
    const id = 'corr-error-1';
    const answers = [
      await t.http().post('/v1/campaigns/corr-3/launch').set('X-Correlation-Id', id).send({}),
      await t.as(null).get('/v1/projections').set('X-Correlation-Id', id),
      await t.http().get('/v1/nothing-here').set('X-Correlation-Id', id),
      await t
        .as(t.adminKey)
        .post('/v1/campaigns/corr-3/launch')
        .set('X-Correlation-Id', id)
        .set('Content-Type', 'text/plain')
        .send('x'),
      await t
        .http()
        .post('/v1/campaigns/corr-1/end')
        .set('X-Correlation-Id', id)
        .set('If-Match', '"9"')
        .send({ endedBy: 'person-mia' }),
    ];
    expect(answers.map((r) => [r.status, r.headers['x-correlation-id']])).toEqual([
      [400, id],
      [401, id],
      [404, id],
      [415, id],
      [412, id],
    ]);
  });

  it('an id the ledger does not accept is not echoed: the answer carries one of its own', async () => {
    const read = await t.http().get('/v1/projections').set('X-Correlation-Id', 'x'.repeat(300));
    expect(read.headers['x-correlation-id']).toMatch(UUID);
    const command = await t
      .http()
      .post('/v1/campaigns/corr-4/launch')
      .set('X-Correlation-Id', 'x'.repeat(300))
      .send(campaignBrief());
    expect(command.status).toBe(400);
    expect(command.headers['x-correlation-id']).toMatch(UUID);
  });
});
