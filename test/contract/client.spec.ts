import { readFile } from 'node:fs/promises';
import type { AlignmentHealth, ProblemDetails, Scorecard, paths } from '#client';
import { SCHEMA_FILE, renderApiTypes, servedDocument } from './api-types.js';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

type IsKnown<T> = unknown extends T ? false : [T] extends [never] ? false : true;
type Success = 200 | 201 | 202;
/** The body types of an operation's success answers (never when it declares none). */
type SuccessBody<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses & Success]: Responses[Status] extends { content: infer Content }
        ? Content[keyof Content]
        : never;
    }[keyof Responses & Success]
  : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** "get /path" for every operation whose success body is unknown or never: the union must be empty. */
type UntypedOperations = {
  [Path in keyof paths]: {
    [M in Method & keyof paths[Path]]: paths[Path][M] extends { responses: unknown }
      ? IsKnown<SuccessBody<paths[Path][M]>> extends true
        ? never
        : `${M} ${Path & string}`
      : never;
  }[Method & keyof paths[Path]];
}[keyof paths];
// Does not compile while any operation answers a body its clients cannot type; the error names them.
const everyOperationTyped: [UntypedOperations] extends [never] ? true : UntypedOperations = true;

describe('the typed client', () => {
  it('is generated from the document the service serves (else: npm run client:generate)', async () => {
    const generated = await renderApiTypes(await servedDocument());
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(missing)');
    expect(everyOperationTyped).toBe(true);
    expect(committed === generated ? 'up to date' : `${SCHEMA_FILE} differs from the document`).toBe(
      'up to date',
    );
  });
});

describe.each(backends)('the typed client against the service (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales' });
  });
  afterAll(() => t.close());

  it('sets a goal, records a deal and reads the scorecard, typed end to end', async () => {
    const client = await t.client();
    const goal = await client.POST('/v1/shared-goals/{period}/set', {
      params: { path: { period: '2026-Q4' } },
      body: { revenueTarget: 100_000, currency: 'EUR', setBy: 'person-mia' },
    });
    expect(goal.response.status).toBe(201);
    const deal = await client.POST('/v1/deals/{dealId}/record', {
      params: { path: { dealId: 'deal-acme' } },
      body: {
        outcome: 'won',
        amount: 25_000,
        currency: 'EUR',
        closedAt: '2026-11-10T12:00:00Z',
        owner: 'person-sam',
      },
    });
    const minPosition = deal.data?.globalPosition;
    const { data, error } = await client.GET('/v1/scorecards/{period}', {
      params: { path: { period: '2026-Q4' }, query: { minPosition } },
    });
    expect(error).toBeUndefined();
    // Typed: revenue.won is a number, goal a nullable object.
    const won: Scorecard['revenue']['won'] | undefined = data?.revenue.won;
    expect(won).toBe(25_000);
    expect(data?.goal?.revenueTarget).toBe(100_000);
    expect(data?.revenue.attainment).toBe(0.25);
  });

  it('types a problem as ProblemDetails', async () => {
    const client = await t.client();
    const { data, error, response } = await client.GET('/v1/campaigns/{campaignId}', {
      params: { path: { campaignId: 'never-launched' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const status: ProblemDetails['status'] | undefined = error?.status;
    expect(status).toBe(404);
    expect(error?.type).toBe('/problems/not-found');
  });

  it('types the alignment health signs', async () => {
    const { data } = await (await t.client()).GET('/v1/alignment-health', { params: { query: {} } });
    const evidence: AlignmentHealth['salesBlindsided']['evidence'] | undefined =
      data?.salesBlindsided.evidence;
    expect(Array.isArray(evidence)).toBe(true);
    expect(['ok', 'warning']).toContain(data?.blameGame.status);
  });
});
