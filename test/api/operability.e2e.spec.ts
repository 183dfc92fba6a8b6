import type request from 'supertest';
import { type EventStore, type SqlDatabase, connectPostgres } from '#event-store';
import { createTestPglite, createTestPostgres } from '#testing';
import { DATABASE, EVENT_STORE } from '../../apps/ledger-api/src/event-store/event-store.module.js';
import { ReadModels } from '../../apps/ledger-api/src/projections/read-models.js';
import { type TestApp, backends, campaignBrief, startTestApp } from '../support/test-app.js';

/** The value of one sample of the Prometheus text format, by name and (some of its) labels. */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number | undefined => {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
};

const register = (t: TestApp, personId: string, headers: Record<string, string> = {}, extra = {}) =>
  t
    .http()
    .post(`/v1/team-members/${personId}/register`)
    .set(headers)
    .send({ displayName: `Name of ${personId}`, team: 'sales', ...extra });

describe.each(backends)('probes and metrics on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('GET /health/live answers 200', async () => {
    const live = await t.http().get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    expect(live.headers['cache-control']).toContain('no-store');
  });

  it('GET /health/ready answers 200 when the event store and the database answer', async () => {
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { eventStore: { status: 'up', headPosition: 0 }, database: { status: 'up' } },
    });
  });

  it('GET /health/ready answers 503 when the event store alone fails', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const headPosition = store.headPosition;
    store.headPosition = () => Promise.reject(new Error('event store unreachable'));
    let ready: request.Response;
    try {
      ready = await t.http().get('/health/ready');
    } finally {
      store.headPosition = headPosition;
    }
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      detail: 'failing: eventStore',
      checks: { eventStore: { status: 'down' }, database: { status: 'up' } },
    });
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  it('GET /metrics counts commands by name and outcome, times appends, and shows each projection', async () => {
    expect((await register(t, 'p1', { 'Idempotency-Key': 'k1' })).status).toBe(201);
    const replay = await register(t, 'p1', { 'Idempotency-Key': 'k1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await register(t, 'p2', {}, { nickname: 'x' })).status).toBe(400);
    expect((await register(t, 'p3', { 'If-Match': '"7"' })).status).toBe(412);
    expect((await t.http().post('/v1/campaigns/c1/launch').send(campaignBrief())).status).toBe(422);

    const metrics = await t.http().get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const count = (command: string, outcome: string) =>
      sample(metrics.text, 'ledger_commands_total', { command, outcome });
    expect(count('RegisterTeamMember', 'accepted')).toBe(1);
    expect(count('RegisterTeamMember', 'replayed')).toBe(1);
    expect(count('RegisterTeamMember', 'invalid')).toBe(1);
    expect(count('RegisterTeamMember', 'conflict')).toBe(1);
    expect(count('LaunchCampaign', 'rejected')).toBe(1);
    // Only the accepted command reached the store.
    expect(sample(metrics.text, 'ledger_append_duration_seconds_count')).toBe(1);
    expect(sample(metrics.text, 'ledger_append_duration_seconds_bucket', { le: '+Inf' })).toBe(1);
    const projections: { name: string }[] = (await t.http().get('/v1/projections')).body;
    expect(projections.length).toBeGreaterThan(0);
    for (const { name } of projections) {
      expect(
        sample(metrics.text, 'ledger_projection_lag_events', { projection: name }),
      ).toBeGreaterThanOrEqual(0);
      expect(
        sample(metrics.text, 'ledger_projection_checkpoint', { projection: name }),
      ).toBeGreaterThanOrEqual(0);
    }
    expect(sample(metrics.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(metrics.text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('GET /metrics shows the progress of a rebuild', async () => {
    expect((await t.http().post('/v1/projections/campaign-view/rebuild')).status).toBe(202);
    const metrics = (await t.http().get('/metrics')).text;
    const labels = { projection: 'campaign-view' };
    expect(sample(metrics, 'ledger_projection_rebuild_total_events', labels)).toBeGreaterThanOrEqual(0);
    expect(sample(metrics, 'ledger_projection_rebuild_processed_events', labels)).toBeGreaterThanOrEqual(0);
  });

  it('errors are still problem+json, and the probes are documented under "operability"', async () => {
    const invalid = await register(t, 'p4', {}, { nickname: 'x' });
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body).toMatchObject({ status: 400, type: '/problems/validation-failed' });
    const missing = await t.http().get('/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const doc = (await t.http().get('/docs-json')).body;
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      expect(doc.paths[path].get.tags).toEqual(['operability']);
    }
  });
});

describe.each(backends)('readiness when the database is gone, on %s', (backend) => {
  it('GET /health/ready answers 503 problem+json naming both checks; liveness stays 200', async () => {
    // A database of the test's own, so that closing it leaves the suite's server alone.
    const keeper = backend === 'postgres' ? await createTestPostgres() : null;
    const t = await startTestApp(
      backend,
      {},
      keeper ? connectPostgres(keeper.url, 2) : await createTestPglite(),
    );
    expect((await t.http().get('/health/ready')).status).toBe(200);

    // The projections first: pg-pool never answers callers queued on a pool that is ending,
    // so a runner waiting for a connection would hang the close below for good.
    await t.app.get(ReadModels).beforeApplicationShutdown();
    await t.app.get<SqlDatabase>(DATABASE).close();
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body).toMatchObject({
      type: '/problems/not-ready',
      status: 503,
      checks: { eventStore: { status: 'down' }, database: { status: 'down' } },
    });
    expect((await t.http().get('/health/live')).status).toBe(200);

    // The store cannot close the database a second time; that failure is expected here.
    await t.close().catch(() => undefined);
    await keeper?.close();
  });
});
