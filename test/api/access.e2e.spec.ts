import { ApiKeyStore } from '#access';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

interface Route {
  method: 'get' | 'post';
  path: string;
}

/** Every route the running app serves, as its HTTP router holds them (Swagger's included). */
const registeredRoutes = (t: TestApp): Route[] => {
  const router = (
    t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    }
  ).router;
  return router.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods)
          .filter((method): method is Route['method'] => method === 'get' || method === 'post')
          .map((method) => ({ method, path: route.path }))
      : [],
  );
};

/** A concrete URL for a route: every :param filled in. */
const urlOf = (path: string) => path.replace(/:(\w+)/g, 'x1');

/** The only routes anyone may call: the probes, the API documents (with Swagger UI's assets), the problem types' pages and the tree heads' public key. */
const PUBLIC = [
  'get /health/live',
  'get /health/ready',
  'get /v1/audit/public-key',
  'get /docs',
  'get /docs-json',
  'get /docs-yaml',
  'get /problems/:type',
];
const isPublic = ({ method, path }: Route) =>
  PUBLIC.includes(`${method} ${path}`) || (method === 'get' && path.startsWith('/docs/'));

describe.each(backends)('who may call what (%s)', (backend) => {
  let t: TestApp;
  let routes: Route[];
  let noScopes: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    // `{/*splat}` is middleware bound to every path (the request logger), not an endpoint.
    routes = registeredRoutes(t).filter(({ path }) => !path.includes('*'));
    noScopes = (await new ApiKeyStore(t.database).create({ name: 'nothing', scopes: [] })).secret;
  });
  afterAll(() => t.close());

  it('finds the whole API in the router, commands and reads', () => {
    const names = routes.map(({ method, path }) => `${method} ${path}`);
    expect(names).toEqual(expect.arrayContaining([...PUBLIC, 'post /v1/leads/:leadId/hand-off']));
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers every route but the probes and the docs with 401, problem+json and a challenge, without a key', async () => {
    for (const { method, path } of routes) {
      const response = await t
        .as(null)
        [method](urlOf(path))
        .send(method === 'post' ? {} : undefined);
      const name = `${method} ${path}`;
      if (isPublic({ method, path })) {
        expect({ name, refused: [401, 403].includes(response.status) }).toEqual({ name, refused: false });
        continue;
      }
      expect({ name, status: response.status }).toEqual({ name, status: 401 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="alignment-ledger"/);
    }
  });

  it('answers every protected route with 403 for a valid key without the scope', async () => {
    for (const { method, path } of routes) {
      const name = `${method} ${path}`;
      if (isPublic({ method, path })) continue;
      const response = await t
        .as(noScopes)
        [method](urlOf(path))
        .send(method === 'post' ? {} : undefined);
      expect({ name, status: response.status }).toEqual({ name, status: 403 });
      expect(response.body).toMatchObject({ type: '/problems/insufficient-scope', status: 403 });
      expect(response.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
    }
  });

  it('answers a path that is no route with 404, key or none', async () => {
    expect((await t.as(null).get('/v1/nothing-here')).status).toBe(404);
    expect((await t.as(null).post('/v1/nothing-here').send({})).status).toBe(404);
  });

  it('refuses a malformed, an unknown and a revoked key with 401', async () => {
    const keys = new ApiKeyStore(t.database);
    const { key, secret } = await keys.create({ name: 'soon-revoked', scopes: ['read'] });
    expect((await t.as(secret).get('/v1/alignment-health')).status).toBe(200);
    await keys.revoke(key.id);
    const unknown = `${secret.slice(0, 20)}${'A'.repeat(43)}`;
    for (const [authorization, error] of [
      ['Basic dXNlcjpwYXNz', 'invalid_request'],
      [`Bearer ${unknown}`, 'invalid_token'],
    ]) {
      const response = await t.as(null).get('/v1/alignment-health').set('Authorization', authorization);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toContain(`error="${error}"`);
    }
  });

  it('lets a key narrowed to leads hand off a lead, but not record a deal', async () => {
    await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales' });
    const leads = (await new ApiKeyStore(t.database).create({ name: 'marketo', scopes: ['commands:leads'] }))
      .secret;
    const handOff = await t
      .as(leads)
      .post('/v1/leads/l-narrow/hand-off')
      .send({ handedOffBy: 'person-mia', assignedTo: 'person-sam' });
    expect(handOff.status).toBe(201);
    const deal = await t.as(leads).post('/v1/deals/d-narrow/record').send({
      outcome: 'won',
      amount: 100,
      currency: 'EUR',
      closedAt: '2026-11-20T10:00:00Z',
      owner: 'person-sam',
    });
    expect(deal.status).toBe(403);
    expect(deal.body.detail).toContain('commands:write or commands:deals');
  });

  it('records the calling key in the metadata of each event it writes', async () => {
    const keys = new ApiKeyStore(t.database);
    const { key, secret } = await keys.create({ name: 'hubspot-sync', scopes: ['commands:write'] });
    await registerRoster(t, { 'person-lee': 'sales' });
    const logged = await t.as(secret).post('/v1/objections/o-principal/log').send({
      category: 'price',
      text: 'Too expensive',
      heardBy: 'person-lee',
    });
    expect(logged.status).toBe(201);
    const [event] = await t.store.readStream('objection-o-principal');
    expect(event.metadata.principal).toEqual({ kind: 'api-key', id: key.id, name: 'hubspot-sync' });
  });

  it('serves /metrics to an admin key and to the scrape token, not to a read key', async () => {
    const token = 'scrape-'.padEnd(40, 'x');
    const scraped = await startTestApp(backend, { LEDGER_METRICS_TOKEN: token });
    try {
      const reader = (await new ApiKeyStore(scraped.database).create({ name: 'bi', scopes: ['read'] }))
        .secret;
      expect((await scraped.http().get('/metrics')).status).toBe(200);
      expect((await scraped.as(token).get('/metrics')).status).toBe(200);
      expect((await scraped.as(reader).get('/metrics')).status).toBe(403);
      // The scrape token opens /metrics only.
      expect((await scraped.as(token).get('/v1/projections')).status).toBe(401);
    } finally {
      await scraped.close();
    }
  });
});
