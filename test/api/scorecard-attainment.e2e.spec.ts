import { type TestApp, backends, startTestApp } from '../support/test-app.js';

/** A team that beats its goal: attainment above 1 is an answer the document allows, not a schema breach. */
describe.each(backends)('attainment beyond the shared goal (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { LEDGER_CURRENCY: 'EUR' });
  });
  afterAll(() => t.close());

  it('answers 2.5 for a week that won two and a half times its goal, through the schema-checked client', async () => {
    const post = async (path: string, body: object) => {
      const response = await t.http().post(path).send(body);
      expect({ path, status: response.status }).toEqual({ path, status: 201 });
      return response.body as { globalPosition: number };
    };
    await post('/v1/team-members/sam/register', {
      displayName: 'Sam',
      team: 'sales',
      occurredAt: '2026-11-16T08:00:00Z',
    });
    await post('/v1/shared-goals/2026-W47/set', {
      revenueTarget: 100_000,
      currency: 'EUR',
      setBy: 'sam',
      occurredAt: '2026-11-16T08:30:00Z',
    });
    const { globalPosition } = await post('/v1/deals/d-1/record', {
      outcome: 'won',
      amount: 250_000,
      currency: 'EUR',
      closedAt: '2026-11-18T15:00:00Z',
      owner: 'sam',
      campaignIds: [],
      objectionCategories: [],
    });
    // The test client checks every answer against the served document's schema.
    const client = await t.client();
    const { data, error } = await client.GET('/v1/scorecards/{period}', {
      params: { path: { period: '2026-W47' }, query: { minPosition: globalPosition } },
    });
    expect(error).toBeUndefined();
    expect(data?.revenue).toEqual({ currency: 'EUR', won: 250_000, attainment: 2.5, campaignInfluenced: 0 });
  });
});
