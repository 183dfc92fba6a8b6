import { type TestApp, campaignBrief, objection, startTestApp } from '../support/test-app.js';

describe('bad input gets a 4xx problem+json and writes nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { LEDGER_BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    expect(await t.store.headPosition()).toBe(0);
    await t.close();
  });

  const post = (path = '/v1/objections/o-1/log') => t.http().post(path);
  const expectProblem = (
    response: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
    type: string,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, type: `/problems/${type}` });
    expect(typeof response.body.title).toBe('string');
  };
  const fields = (response: { body: { errors?: { field: string; rule: string }[] } }) =>
    (response.body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

  it('malformed JSON is a 400', async () => {
    expectProblem(
      await post().set('content-type', 'application/json').send('{"category":'),
      400,
      'malformed-json',
    );
  });

  it('a body over the configured limit is a 413 stating the limit', async () => {
    const response = await post().send(objection({ text: 'x'.repeat(3000) }));
    expectProblem(response, 413, 'body-too-large');
    expect(response.body.limitBytes).toBe(2048);
  });

  it('a non-JSON content type is a 415', async () => {
    expectProblem(
      await post().set('content-type', 'text/plain').send('price'),
      415,
      'unsupported-media-type',
    );
    expectProblem(await post().type('form').send('category=price'), 415, 'unsupported-media-type');
  });

  it('an empty POST that does not say it is JSON is a 415: a form on another site cannot post a command', async () => {
    // What a cross-site HTML form can send: no body, or a form or text one, never application/json.
    for (const type of [null, 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
      const request = t.as(t.adminKey).post('/v1/team-members/person-x/remove');
      const response = type === null ? await request : await request.set('Content-Type', type);
      expectProblem(response, 415, 'unsupported-media-type');
    }
    const rebuild = await t.as(t.adminKey).post('/v1/projections/retro-board/rebuild');
    expectProblem(rebuild, 415, 'unsupported-media-type');
    const json = await t
      .as(t.adminKey)
      .post('/v1/projections/nope/rebuild')
      .set('Content-Type', 'application/json');
    expect(json.status).toBe(404);
  });

  it('a JSON array or scalar body is a 400', async () => {
    expectProblem(await post().send([objection()]), 400, 'validation-failed');
    expectProblem(
      await post().set('content-type', 'application/json').send('"price"'),
      400,
      'malformed-json',
    );
  });

  it('names every offending field with its rule, including unknown fields', async () => {
    const response = await post().send({ category: 'vibes', text: '', heardBy: 'sam smith', colour: 'red' });
    expectProblem(response, 400, 'validation-failed');
    expect(fields(response)).toEqual(
      expect.arrayContaining(['colour:unknown-field', 'text:isLength', 'heardBy:matches']),
    );
  });

  it('a code outside the configured taxonomy names the field and the allowed codes', async () => {
    const response = await post().send(objection({ category: 'vibes' }));
    expectProblem(response, 400, 'validation-failed');
    expect(fields(response)).toEqual(['category:isIn']);
    expect(response.body.detail).toContain('price, timing, competitor');
  });

  it('a missing body names the required fields', async () => {
    const response = await post();
    expectProblem(response, 400, 'validation-failed');
    expect(fields(response)).toEqual(
      expect.arrayContaining(['category:isString', 'text:isString', 'heardBy:isString']),
    );
  });

  it('wrong element types in lists are named by field', async () => {
    const response = await post('/v1/campaigns/c-1/launch').send(
      campaignBrief({ channels: [], talkingPoints: [1] }),
    );
    expectProblem(response, 400, 'validation-failed');
    expect(fields(response)).toEqual(
      expect.arrayContaining(['channels:arrayNotEmpty', 'talkingPoints:isString']),
    );
  });

  it('an occurredAt without a time zone is a 400, one far in the future a 422', async () => {
    expect(fields(await post().send(objection({ occurredAt: '2026-11-20T10:00:00' })))).toContain(
      'occurredAt:matches',
    );
    const future = await post().send(objection({ occurredAt: '2099-01-01T00:00:00Z' }));
    expectProblem(future, 422, 'occurred-at-in-future');
    expect(fields(future)).toEqual(['occurredAt:occurred-at-in-future']);
  });

  it('a NUL character is refused naming the field', async () => {
    const response = await post().send(objection({ text: 'a\u0000b' }));
    expectProblem(response, 400, 'validation-failed');
    expect(fields(response)).toEqual(['text:no-nul-character']);
  });

  it('text the ledger could not store or hash is refused naming the field', async () => {
    const surrogate = await post()
      .set('content-type', 'application/json')
      .send('{"category":"price","heardBy":"p","text":"a\\udc00"}');
    expectProblem(surrogate, 400, 'validation-failed');
    expect(fields(surrogate)).toEqual(['text:well-formed-unicode']);
    const deep = await post()
      .set('content-type', 'application/json')
      .send(`{"category":"price","heardBy":"p","text":"t","x":${'['.repeat(600)}${']'.repeat(600)}}`);
    expectProblem(deep, 400, 'validation-failed');
    expect(fields(deep)[0]).toMatch(/^x(\[0\])+:max-depth$/);
  });

  it('null times, infinite numbers and malformed nested objects are 400s naming the field', async () => {
    expect(fields(await post().send(objection({ occurredAt: null })))).toEqual([
      'occurredAt:isIso8601',
      'occurredAt:matches',
    ]);
    const infinite = await post()
      .set('content-type', 'application/json')
      .send('{"category":"price","text":"t","heardBy":"p","x":1e400}');
    expect(fields(infinite)).toEqual(['x:finite-number']);
    const arraySubject = await post('/v1/retros/r/open').send({
      subject: [{ kind: 'campaign', campaignId: 'c' }],
      facilitator: 'p',
    });
    expectProblem(arraySubject, 400, 'validation-failed');
    expect(fields(arraySubject)).toContain('subject:isObject');
    expect(fields(await post('/v1/retros/r/open').send({ facilitator: 'p' }))).toContain('subject:isDefined');
    const nested = await post('/v1/celebrations/c/celebrate').send({
      subject: { kind: 'deals', dealIds: ['d'] },
      attendees: [[]],
    });
    expect(fields(nested)).toContain('attendees:isObject');
    const due = await post('/v1/retros/r/close').send({
      closedBy: 'p',
      actionItems: [{ actionItemId: 'a', description: 'd', owner: 'p', dueDate: '2026-02-30' }],
    });
    expect(fields(due)).toEqual(['actionItems.0.dueDate:isCalendarDate']);
  });

  it('objection categories in deals and huddles come from the taxonomy too', async () => {
    const deal = await post('/v1/deals/d/record').send({
      outcome: 'won',
      amount: 1,
      currency: 'EUR',
      closedAt: '2026-11-19T10:00:00Z',
      owner: 'p',
      objectionCategories: ['price', 'banana'],
    });
    expect(fields(deal)).toEqual(['objectionCategories[1]:isIn']);
  });

  it('unknown fields named like built-in object properties are refused too', async () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const response = await post()
        .set('content-type', 'application/json')
        .send(`{"category":"price","text":"t","heardBy":"p","${key}":{"x":1}}`);
      expectProblem(response, 400, 'validation-failed');
      expect(fields(response)).toEqual([`${key}:unknown-field`]);
    }
  });

  it('an invalid id in the path, If-Match or Idempotency-Key is a 400 naming it', async () => {
    expect(fields(await post('/v1/objections/has%20space/log').send(objection()))).toEqual([
      'objectionId:entity-id',
    ]);
    expect(fields(await post().set('If-Match', 'W/"abc"').send(objection()))).toEqual([
      'If-Match:revision-etag',
    ]);
    expect(fields(await post().set('Idempotency-Key', 'x'.repeat(300)).send(objection()))).toEqual([
      'Idempotency-Key:token',
    ]);
  });

  it('unknown routes and streams are 404s', async () => {
    expectProblem(await t.http().get('/v1/nothing'), 404, 'not-found');
    expectProblem(await t.http().get('/v1/streams/campaign-none/events'), 404, 'not-found');
    expectProblem(await t.http().get('/v1/streams/campaign-x/events?limit=0'), 400, 'validation-failed');
    const huge = await t.http().get('/v1/streams/campaign-x/events?fromRevision=99999999999999999999');
    expectProblem(huge, 400, 'validation-failed');
    expect(fields(huge)).toEqual(['fromRevision:max']);
  });
});
