import { findChainBreak } from '#event-store';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

describe.each(backends)('the global log over HTTP (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales' });
    for (const id of ['o1', 'o2', 'o3']) {
      const logged = await t
        .http()
        .post(`/v1/objections/${id}/log`)
        .send({ category: 'price', text: 'Too expensive for a team of five', heardBy: 'person-sam' });
      expect(logged.status).toBe(201);
    }
    await t
      .http()
      .post('/v1/team-members/person-lee/register')
      .send({ displayName: 'Lee Park', team: 'sales' });
  });
  afterAll(() => t.close());

  it('pages through the whole log in position order, equal to the store, with a next link until the head', async () => {
    const client = await t.client();
    const seen = [];
    let after = 0;
    for (let pages = 0; pages < 10; pages += 1) {
      const { data } = await client.GET('/v1/events', { params: { query: { after, limit: 2 } } });
      seen.push(...(data?.events ?? []));
      if (!data?.next) break;
      after = Number(new URLSearchParams(data.next.split('?')[1]).get('after'));
    }
    const stored = await t.store.readAll();
    expect(seen).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(seen.map((event) => event.globalPosition)).toEqual(stored.map((_, i) => i + 1));
    expect(findChainBreak(stored)).toBeNull();
  });

  it('filters by event type and by stream prefix, and the next link keeps the filters', async () => {
    const client = await t.client();
    const byType = await client.GET('/v1/events', {
      params: { query: { type: 'ObjectionLogged', limit: 2 } },
    });
    expect(byType.data?.events.map((event) => event.type)).toEqual(['ObjectionLogged', 'ObjectionLogged']);
    expect(byType.data?.next).toMatch(/type=ObjectionLogged/);
    const byPrefix = await client.GET('/v1/events', { params: { query: { streamPrefix: 'objection-o2' } } });
    expect(byPrefix.data?.events.map((event) => event.streamId)).toEqual(['objection-o2']);
    expect(byPrefix.data?.next).toBeNull();
    const roster = await t.http().get('/v1/events?type=TeamMemberRegistered,TeamMemberRemoved');
    expect(roster.body.events).toHaveLength(3);
  });

  it('answers one event by its position, equal to the store, and 404 or 400 otherwise', async () => {
    const client = await t.client();
    const [third] = await t.store.readAll({ afterPosition: 2, maxCount: 1 });
    const one = await client.GET('/v1/events/{position}', { params: { path: { position: 3 } } });
    expect(one.data).toEqual(JSON.parse(JSON.stringify(third)));
    const head = await t.store.headPosition();
    expect((await t.http().get(`/v1/events/${head + 1}`)).status).toBe(404);
    for (const bad of ['0', '-1', '1.5', 'abc', '99999999999999999']) {
      const answer = await t.http().get(`/v1/events/${bad}`);
      expect({ bad, status: answer.status, field: answer.body.errors?.[0]?.field }).toEqual({
        bad,
        status: 400,
        field: 'position',
      });
    }
  });

  it('keeps display names sealed', async () => {
    const everything = await t.http().get('/v1/events?limit=1000');
    expect(everything.text).not.toContain('Lee Park');
  });

  it('refuses bad parameters with 400 naming them', async () => {
    for (const query of [
      'after=-1',
      'limit=0',
      'limit=1001',
      'type=not%20a%20type',
      'streamPrefix=bad%20prefix',
    ]) {
      const answer = await t.http().get(`/v1/events?${query}`);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
  });

  it('resolves every evidence position alignment health gives to the event behind it', async () => {
    const blamed = await t
      .http()
      .post('/v1/objections/o-blame/log')
      .send({ category: 'price', text: 'Marketing never qualifies these junk leads', heardBy: 'person-sam' });
    const client = await t.client();
    const { data } = await client.GET('/v1/alignment-health', {
      params: { query: { minPosition: blamed.body.globalPosition } },
    });
    expect(data?.blameGame.evidence).toContain(blamed.body.globalPosition);
    for (const position of data?.blameGame.evidence ?? []) {
      const { data: event } = await client.GET('/v1/events/{position}', { params: { path: { position } } });
      expect(event?.globalPosition).toBe(position);
      expect(event?.data).toMatchObject({ blameFlag: true });
    }
  });

  it('streams the whole log as NDJSON with Accept: application/x-ndjson, resumable from a position', async () => {
    const stored = JSON.parse(JSON.stringify(await t.store.readAll()));
    const whole = await t.http().get('/v1/events').set('Accept', 'application/x-ndjson');
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    expect(lines(whole.text)).toEqual(stored);
    const resumed = await t.http().get('/v1/events?after=3').set('Accept', 'application/x-ndjson');
    expect(lines(resumed.text)).toEqual(stored.slice(3));
    const objections = await t
      .http()
      .get('/v1/events?streamPrefix=objection-&type=ObjectionLogged')
      .set('Accept', 'application/x-ndjson');
    expect(lines(objections.text).map((event) => event.streamId)).toEqual(
      stored
        .filter((event: { type: string }) => event.type === 'ObjectionLogged')
        .map((e: { streamId: string }) => e.streamId),
    );
    expect(whole.text).not.toContain('Lee Park');
  });

  it('lists every stream of the log, as the events themselves tell, by prefix and a page at a time', async () => {
    const events = await t.store.readAll();
    const expected = [...new Set(events.map((event) => event.streamId))].sort().map((streamId) => {
      const own = events.filter((event) => event.streamId === streamId);
      return {
        streamId,
        category: streamId.split('-')[0],
        revision: own.length - 1,
        events: own.length,
        firstPosition: own[0].globalPosition,
        lastPosition: own[own.length - 1].globalPosition,
        lastRecordedAt: own[own.length - 1].metadata.recordedAt,
      };
    });
    const head = await t.store.headPosition();
    const client = await t.client();
    const seen = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const { data } = await client.GET('/v1/streams', {
        params: { query: { limit: 2, minPosition: head, ...(after ? { after } : {}) } },
      });
      seen.push(...(data?.streams ?? []));
      if (!data?.next) break;
      after = new URLSearchParams(data.next.split('?')[1]).get('after') ?? undefined;
    }
    expect(seen).toEqual(expected);
    const objections = await client.GET('/v1/streams', {
      params: { query: { prefix: 'objection-o', minPosition: head } },
    });
    const withPrefix = expected.filter((stream) => stream.streamId.startsWith('objection-o'));
    expect(withPrefix.length).toBeGreaterThanOrEqual(3);
    expect(objections.data?.streams).toEqual(withPrefix);
    expect(
      (await client.GET('/v1/streams', { params: { query: { prefix: 'objection_' } } })).data?.streams,
    ).toEqual([]);
    const bad = await t.http().get('/v1/streams?prefix=a%20b&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'limit',
      'prefix',
    ]);
  });
});
