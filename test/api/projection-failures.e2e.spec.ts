import { randomUUID } from 'node:crypto';
import { OPERATIONS_STREAM, PROJECTION_EVENT_SKIPPED } from '#projections';
import { appendTo, newEvent } from '#testing';
import { type TestApp, backends, objection, registerRoster, startTestApp } from '../support/test-app.js';

/** The value of a sample of the Prometheus text, by name and projection label. */
const gauge = (text: string, name: string, projection: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{projection="${projection}"} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 20_000) => {
  for (const started = Date.now(); !(await condition());) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/**
 * A retro closed with an action item due 9999-12-31, appended to the store
 * directly (as if the request validation had let it through): its end of day
 * is in year 10000, which PostgreSQL cannot hold, so scorecard-facts fails.
 */
const appendPoison = async (t: TestApp, retroId: string): Promise<number> => {
  const opened = await t
    .http()
    .post(`/v1/retros/${retroId}/open`)
    .send({ subject: { kind: 'period', period: '2026-Q4' }, facilitator: 'person-mia' });
  expect(opened.status).toBe(201);
  const item = {
    actionItemId: 'ai-1',
    description: 'Brief reps',
    owner: 'person-mia',
    dueDate: '9999-12-31',
  };
  const closed = newEvent('RetroClosed', {
    retroId,
    closedBy: 'person-mia',
    actionItems: [item],
    blameFlag: false,
  });
  return (await appendTo(t.store, `retro-${retroId}`, [closed], undefined, randomUUID())).globalPosition;
};

const scorecardFacts = (t: TestApp) => t.http().get('/v1/projections/scorecard-facts');
const stuckAt = async (t: TestApp, position: number) =>
  (await scorecardFacts(t)).body.failedAt?.position === position;

describe.each(backends)('a poison event never stops the ledger (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { LEDGER_READ_WAIT_MS: '300' });
    await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales' });
  });
  afterAll(() => t.close());

  it('reports the failure, and an admin skips the event through the API, audited in the ledger', async () => {
    const position = await appendPoison(t, 'r-poison');
    const later = await t
      .http()
      .post('/v1/objections/o-after/log')
      .send(objection({ heardBy: 'person-sam' }));
    expect(later.status).toBe(201);
    const head: number = later.body.globalPosition;
    await waitUntil(() => stuckAt(t, position));

    const status = (await scorecardFacts(t)).body;
    expect(status).toMatchObject({
      state: 'failed',
      failedAt: { position, eventType: 'RetroClosed', error: expect.stringContaining('out of range') },
      skipped: [],
      exact: true,
    });
    expect(status.checkpoint).toBeLessThan(position);
    const listed = (await t.http().get('/v1/projections')).body as { name: string; failedAt: unknown }[];
    expect(listed.filter((p) => p.failedAt !== null).map((p) => p.name)).toEqual(['scorecard-facts']);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body).toMatchObject({
      type: '/problems/not-ready',
      detail: `failing: projections (scorecard-facts at ${position})`,
      checks: {
        database: { status: 'up' },
        projections: { status: 'down', failed: [{ name: 'scorecard-facts', position }] },
      },
    });
    const metrics = (await t.http().get('/metrics')).text;
    expect(gauge(metrics, 'ledger_projection_failed', 'scorecard-facts')).toBe(1);
    expect(gauge(metrics, 'ledger_projection_failed', 'retro-board')).toBe(0);
    const month = new Date().toISOString().slice(0, 7);
    const behind = await t.http().get(`/v1/scorecards/${month}?minPosition=${head}`);
    expect(behind.status).toBe(503);
    expect(behind.body.detail).toContain(`scorecard-facts is stuck at position ${position}`);

    const skip = (query: string) => t.http().post(`/v1/projections/scorecard-facts/skip${query}`);
    expect((await skip('')).status).toBe(400);
    expect((await skip('?position=1e3')).status).toBe(400);
    expect((await t.http().post(`/v1/projections/nope/skip?position=${position}`)).status).toBe(404);
    const elsewhere = await skip(`?position=${position - 1}`);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toMatchObject({
      type: '/problems/projection-not-failed-there',
      failedAt: position,
    });

    const skipped = await skip(`?position=${position}`).send({
      reason: 'due date out of range; re-recorded',
    });
    expect(skipped.status).toBe(201);
    expect(skipped.headers.location).toBe(`/v1/streams/${OPERATIONS_STREAM}/events`);
    const adminKeyId = t.adminKey.split('_')[1];
    expect(skipped.body).toMatchObject({
      position,
      eventType: 'RetroClosed',
      reason: 'due date out of range; re-recorded',
      by: { kind: 'api-key', id: adminKeyId },
    });
    const [audited, ...none] = await t.store.readStream(OPERATIONS_STREAM);
    expect(none).toEqual([]);
    expect(audited).toMatchObject({
      type: PROJECTION_EVENT_SKIPPED,
      eventId: skipped.body.audit.eventId,
      data: { projection: 'scorecard-facts', position },
      metadata: { principal: { kind: 'api-key', id: adminKeyId }, actor: null },
    });

    // The projection runs on, says what it skipped, and the scorecard answers again.
    const scorecard = await t.http().get(`/v1/scorecards/${month}?minPosition=${head}`);
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.objections.logged).toBe(1);
    expect((await scorecardFacts(t)).body).toMatchObject({
      state: 'running',
      failedAt: null,
      skipped: [skipped.body],
      exact: false,
    });
    expect((await t.http().get('/health/ready')).status).toBe(200);
    expect(gauge((await t.http().get('/metrics')).text, 'ledger_projection_failed', 'scorecard-facts')).toBe(
      0,
    );

    // Skipping it again answers the same skip; nothing is appended.
    const again = await skip(`?position=${position}`);
    expect([again.status, again.headers['idempotent-replayed'], again.body]).toEqual([
      201,
      'true',
      skipped.body,
    ]);
    expect(await t.store.readStream(OPERATIONS_STREAM)).toHaveLength(1);
  });

  it('a rebuild honours the recorded skip', async () => {
    expect((await t.http().post('/v1/projections/scorecard-facts/rebuild')).status).toBe(202);
    await waitUntil(async () => (await scorecardFacts(t)).body.rebuild.state !== 'building');
    const status = (await scorecardFacts(t)).body;
    expect(status.rebuild).toMatchObject({ state: 'swapped', matchesLive: true, error: null });
    expect(status).toMatchObject({ failedAt: null, exact: false });
    expect(status.skipped).toHaveLength(1);
  });

  it('with LEDGER_READINESS_PROJECTIONS=degraded, stays ready and names the projection', async () => {
    const degraded = await startTestApp(backend, { LEDGER_READINESS_PROJECTIONS: 'degraded' });
    try {
      await registerRoster(degraded, { 'person-mia': 'marketing' });
      const position = await appendPoison(degraded, 'r-degraded');
      await waitUntil(() => stuckAt(degraded, position));
      const ready = await degraded.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'degraded',
        details: { projections: { status: 'degraded', failed: [{ name: 'scorecard-facts', position }] } },
      });
    } finally {
      await degraded.close();
    }
  });
});
