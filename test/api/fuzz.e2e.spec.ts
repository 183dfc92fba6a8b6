import type { AddressInfo } from 'node:net';
import { type FuzzRequest, type OpenApiDocument, fuzzRequests } from '../support/openapi-fuzz.js';
import {
  type Backend,
  type TestApp,
  backends,
  defaultRoster,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

/**
 * The whole API, driven by the OpenAPI document it serves: every parameter and
 * body field of every operation replaced, one at a time, by values out of
 * range (years 0, 1969, 2200, 9999, 10000; 1e309; negative, fractional and
 * unsafe numbers), malformed (week dates, basic-format instants, 30 February,
 * ids with spaces, periods that do not exist), of the wrong type, overlong or
 * nested too deep, and by the edge values the ranges still accept. None may
 * answer 5xx or stop a projection.
 */

const CONCURRENCY = 8;

interface Outcome {
  status: number;
  contentType: string;
  body: { errors?: { field?: unknown }[] };
}

/** What is wrong with an answer, or null. */
const defect = ({ status, contentType, body }: Outcome): string | null => {
  if (status >= 500) return `answered ${status}`;
  if (status >= 400 && !contentType.startsWith('application/problem+json'))
    return `${status} as ${contentType}`;
  if (status === 400) {
    const errors = body.errors ?? [];
    if (errors.length === 0 || errors.some((e) => typeof e.field !== 'string' || e.field === '')) {
      return `400 naming no field: ${JSON.stringify(body).slice(0, 200)}`;
    }
  }
  return null;
};

/** A retro to close is opened first, so that what closes it (its action items) reaches the decider and the log. */
const prepare = async (t: TestApp, { operationId, path }: FuzzRequest): Promise<void> => {
  const retro = /^\/v1\/retros\/(fuzz-\d+)\/close$/.exec(path);
  if (operationId !== 'CloseRetro' || !retro) return;
  const opened = await t
    .http()
    .post(`/v1/retros/${retro[1]}/open`)
    .send({ subject: { kind: 'period', period: '2026-Q4' }, facilitator: 'person-mia' });
  if (opened.status !== 201) throw new Error(`opening retro ${retro[1]}: ${opened.text}`);
};

const send = async (t: TestApp, request: FuzzRequest): Promise<Outcome> => {
  await prepare(t, request);
  const method = request.method as 'get' | 'post';
  let pending = t.http()[method](request.path).query(request.query);
  for (const [name, value] of Object.entries(request.headers)) pending = pending.set(name, value);
  const response = await (request.body === undefined ? pending : pending.send(request.body));
  return {
    status: response.status,
    contentType: response.headers['content-type'] ?? '',
    body: response.body,
  };
};

/** All requests, CONCURRENCY at a time; each answer's status counted and its defects listed. */
const run = async (t: TestApp, requests: FuzzRequest[]) => {
  const statuses = new Map<number, number>();
  const defects: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const outcome = await send(t, request);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      const problem = defect(outcome);
      if (problem) defects.push(`${request.operationId} ${request.target}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { statuses, defects };
};

/** The projections once they have folded everything (or stopped trying). */
const settledProjections = async (t: TestApp) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { body } = await t.http().get('/v1/projections');
    const list = body as { name: string; state: string; lag: number; error: string | null }[];
    if (list.every((p) => p.lag === 0 || p.state !== 'running') || Date.now() > deadline) return list;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe.each(backends)('the API, fuzzed from its OpenAPI document (%s)', (backend: Backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { LEDGER_RATE_LIMIT_COMMANDS: '0', LEDGER_RATE_LIMIT_READS: '0' });
    // One server for all requests (supertest would otherwise listen anew for each).
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    expect((t.app.getHttpServer().address() as AddressInfo).port).toBeGreaterThan(0);
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  it('answers every request with a 2xx or a problem+json 4xx, 400s naming the field; every projection keeps running', async () => {
    const doc = (await t.http().get('/docs-json')).body as OpenApiDocument;
    const requests = fuzzRequests(doc);
    expect(requests.length).toBeGreaterThan(2000);
    const { statuses, defects } = await run(t, requests);

    const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const fivexx = [...statuses.entries()].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.log(`fuzz (${backend}): ${requests.length} requests; ${counts.join(' ')}; ${fivexx} × 5xx`);
    expect(defects.slice(0, 20)).toEqual([]);

    const projections = await settledProjections(t);
    expect(projections.filter((p) => p.state !== 'running' || p.error !== null)).toEqual([]);
    for (const period of ['2026-11', '1970-W01', '2199-12']) {
      expect((await t.http().get(`/v1/scorecards/${period}`)).status).toBe(200);
    }
  }, 120_000);
});
