import { findChainBreak } from '#event-store';
import {
  type TestApp,
  backends,
  campaignBrief,
  defaultRoster,
  objection,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

describe.each(backends)('commands over HTTP (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  const launch = (id: string, body: object, headers: Record<string, string> = {}) =>
    t.http().post(`/v1/campaigns/${id}/launch`).set(headers).send(body);

  it('LaunchCampaign appends CampaignLaunched with the full envelope and answers with the revision as ETag', async () => {
    const sentAt = Date.now();
    const response = await launch('q3-upsell', campaignBrief(), {
      'Idempotency-Key': 'launch-q3-upsell',
      'X-Correlation-Id': 'corr-1',
    });
    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toMatchObject({
      commandId: 'launch-q3-upsell',
      streamId: 'campaign-q3-upsell',
      streamRevision: 0,
      events: [{ type: 'CampaignLaunched', streamRevision: 0 }],
    });

    const read = await t.http().get('/v1/streams/campaign-q3-upsell/events');
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    const [event] = read.body.events;
    expect(event).toMatchObject({
      type: 'CampaignLaunched',
      schemaVersion: 2,
      streamId: 'campaign-q3-upsell',
      streamRevision: 0,
      globalPosition: response.body.globalPosition,
      data: { campaignId: 'q3-upsell', ...campaignBrief(), reviewedBySales: false, salesRosterSize: 2 },
      metadata: {
        commandId: 'launch-q3-upsell',
        causationId: 'launch-q3-upsell',
        correlationId: 'corr-1',
        actor: 'person-mia',
      },
    });
    // Without occurredAt, business time is when the ledger received the command.
    const occurredAt = Date.parse(event.metadata.occurredAt);
    expect(occurredAt).toBeGreaterThanOrEqual(sentAt - 1);
    expect(occurredAt).toBeLessThanOrEqual(Date.parse(event.metadata.recordedAt));
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a retry with the same Idempotency-Key and body returns the first result and appends nothing', async () => {
    const headers = { 'Idempotency-Key': 'launch-spring' };
    const first = await launch('spring', campaignBrief(), headers);
    const head = await t.store.headPosition();
    const retry = await launch('spring', campaignBrief(), headers);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.store.headPosition()).toBe(head);
    expect(await t.store.readStream('campaign-spring')).toHaveLength(1);
  });

  it('a retry to the same path with a trailing slash is the same request', async () => {
    const headers = { 'Idempotency-Key': 'slash-key' };
    const first = await launch('slash', campaignBrief(), headers);
    const retry = await t.http().post('/v1/campaigns/slash/launch/').set(headers).send(campaignBrief());
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
  });

  it('without a key, an identical request is recognised as a retry by its content', async () => {
    const body = objection({ occurredAt: '2026-11-02T09:15:00+01:00' });
    const first = await t.http().post('/v1/objections/no-key/log').send(body);
    const again = await t.http().post('/v1/objections/no-key/log').send(body);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body.commandId).toMatch(/^derived:[0-9a-f]{64}$/);
    expect(await t.store.readStream('objection-no-key')).toHaveLength(1);
  });

  it('the same key with a different body is a 422 naming the key, and appends nothing', async () => {
    await launch('autumn', campaignBrief(), { 'Idempotency-Key': 'reused-key' });
    const head = await t.store.headPosition();
    const misuse = await launch('autumn', campaignBrief({ name: 'Other' }), {
      'Idempotency-Key': 'reused-key',
    });
    expect(misuse.status).toBe(422);
    expect(misuse.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(misuse.body.errors[0].field).toBe('Idempotency-Key');
    expect(await t.store.headPosition()).toBe(head);
  });

  it('launching a campaign twice is a 409 from the decider', async () => {
    await launch('twice', campaignBrief());
    const again = await launch('twice', campaignBrief({ name: 'Relaunch' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: '/problems/campaign-already-launched', status: 409 });
  });

  it('a stale If-Match is a 412 naming expected and actual revision, with the current ETag', async () => {
    const fresh = await launch('pinned', campaignBrief(), { 'If-Match': '"0"' });
    expect(fresh.status).toBe(412);
    expect(fresh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fresh.body).toMatchObject({
      type: '/problems/precondition-failed',
      expectedRevision: 0,
      actualRevision: -1,
    });
    // A stream with no events has no representation, so no ETag.
    expect(fresh.headers.etag).toBeUndefined();
    await launch('pinned', campaignBrief());
    const stale = await launch('pinned', campaignBrief({ name: 'x' }), { 'If-Match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ streamId: 'campaign-pinned', expectedRevision: 7, actualRevision: 0 });
    expect(stale.body).not.toHaveProperty('etag');
    expect(stale.headers.etag).toBe('"0"');
    expect(await t.store.readStream('campaign-pinned')).toHaveLength(1);
  });

  it('If-Match holds for a revision in its list, and * for a stream that exists; unquoted is a 400', async () => {
    const register = (id: string, ifMatch: string) =>
      t
        .http()
        .post(`/v1/team-members/${id}/register`)
        .set('If-Match', ifMatch)
        .send({ displayName: 'X', team: 'sales' });
    const roster = await t.store.streamRevision('roster');
    expect((await register('im-1', `"${roster}", "${roster + 5}"`)).status).toBe(201);
    expect((await register('im-2', '*')).status).toBe(201);
    expect((await launch('im-none', campaignBrief(), { 'If-Match': '*' })).status).toBe(412);
    const unquoted = await register('im-3', String(roster + 2));
    expect(unquoted.status).toBe(400);
    expect(unquoted.body.errors).toEqual([
      expect.objectContaining({ field: 'If-Match', rule: 'revision-etag' }),
    ]);
    const weak = await register('im-3', `W/"${roster + 2}"`);
    expect(weak.status).toBe(400);
    expect(weak.body.detail).toMatch(/strong ETags only/);
  });

  it('LogObjection records what was heard, with optional links and business time in UTC', async () => {
    const response = await t
      .http()
      .post('/v1/objections/obj-1/log')
      .send(
        objection({ dealId: 'deal-7', campaignId: 'q3-upsell', occurredAt: '2026-11-20T10:30:00+02:00' }),
      );
    expect(response.status).toBe(201);
    const [event] = await t.store.readStream('objection-obj-1');
    expect(event.type).toBe('ObjectionLogged');
    expect(event.data).toEqual({
      objectionId: 'obj-1',
      ...objection(),
      dealId: 'deal-7',
      campaignId: 'q3-upsell',
      blameFlag: false,
    });
    expect(event.metadata.occurredAt).toBe('2026-11-20T08:30:00.000Z');
    expect(event.metadata.actor).toBe('person-sam');
  });

  it('concurrent launches of one campaign: exactly one wins, the rest are 409', async () => {
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => launch('race', campaignBrief({ name: `Race ${n}` }))),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await t.store.readStream('campaign-race')).toHaveLength(1);
  });

  it('concurrent retries with one Idempotency-Key all get the first result; one event is appended', async () => {
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map(() => launch('eager', campaignBrief(), { 'Idempotency-Key': 'eager-launch' })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await t.store.readStream('campaign-eager')).toHaveLength(1);
  });

  it('concurrent commands on different streams all land, each at its own position, chain intact', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, n) => t.http().post(`/v1/objections/par-${n}/log`).send(objection())),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.body.globalPosition)).size).toBe(12);
    expect(findChainBreak(await t.store.readAll({ afterPosition: 0 }))).toBeNull();
  });
});
