import { type EvidenceHistory, buildEvidenceHistory } from '../support/evidence-history.js';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

/**
 * The evidence of the two coverage ratios is the facts of their numerator: the briefing acknowledgements
 * counted over the sales roster at each launch, and the objections whose category has live content.
 */
type Fact = { position: number; subject: string; type: string };
type Stored = { type: string; data: Record<string, unknown> };

describe.each(backends)('evidence of the coverage ratios (%s)', (backend) => {
  let t: TestApp;
  let h: EvidenceHistory;
  const get = async (path: string) => {
    const answer = await t.http().get(path);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  const evidence = async (period: string, metric: string, asOf?: string): Promise<Fact[]> =>
    (await get(`/v1/scorecards/${period}/evidence?metric=${metric}${asOf ? `&asOf=${asOf}` : ''}`)).events;
  const stored = (position: number): Promise<Stored> => get(`/v1/events/${position}`);

  beforeAll(async () => {
    t = await startTestApp(backend);
    h = await buildEvidenceHistory(t);
    // Content answering price objections from the start of September: some of the quarter's objections are covered.
    const published = await t.http().post('/v1/content/roi-sheet/address-objection').send({
      category: 'price',
      title: 'ROI of annual plans',
      url: 'https://content.example.com/roi',
      publishedBy: 'mia',
      occurredAt: '2026-09-01T08:00:00Z',
    });
    expect(published.status).toBe(201);
    await get(`/v1/scorecards/2026-Q3?minPosition=${published.body.globalPosition}`);
  }, 240_000);
  afterAll(() => t.close());

  const cases = () =>
    ['2026-W36', '2026-W37', '2026-09', '2026-Q3'].flatMap((period) => [
      { period, asOf: undefined },
      { period, asOf: h.t0 },
    ]);

  it('lists, for briefing coverage, each rep’s acknowledgement once: their count over the rosters is the ratio', async () => {
    let seen = 0;
    for (const { period, asOf } of cases()) {
      const card = await get(`/v1/scorecards/${period}${asOf ? `?asOf=${asOf}` : ''}`);
      const acknowledged = await evidence(period, 'campaigns.briefingCoverage', asOf);
      const pairs = await Promise.all(
        acknowledged.map(async (f) => {
          const event = await stored(f.position);
          expect(event.type).toBe('BriefingAcknowledged');
          return `${String(event.data.campaignId)} ${String(event.data.acknowledgedBy)}`;
        }),
      );
      expect(new Set(pairs).size).toBe(pairs.length);
      const launches = await evidence(period, 'campaigns.launched', asOf);
      const rosters = await Promise.all(
        launches.map(async (f) => (await stored(f.position)).data.salesRosterSize),
      );
      const roster = rosters.reduce<number>((sum, size) => sum + (typeof size === 'number' ? size : 0), 0);
      const where = { period, asOf };
      expect({ ...where, ratio: roster === 0 ? null : acknowledged.length / roster }).toEqual({
        ...where,
        ratio: card.campaigns.briefingCoverage,
      });
      seen += acknowledged.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('lists, for objection coverage, the objections whose category has live content: their share is the ratio', async () => {
    let seen = 0;
    for (const { period, asOf } of cases()) {
      const card = await get(`/v1/scorecards/${period}${asOf ? `?asOf=${asOf}` : ''}`);
      const covered = await evidence(period, 'objections.coverage', asOf);
      const logged = await evidence(period, 'objections.logged', asOf);
      const loggedPositions = new Set(logged.map((f) => f.position));
      for (const fact of covered) expect(loggedPositions.has(fact.position)).toBe(true);
      const where = { period, asOf };
      expect({ ...where, ratio: logged.length === 0 ? null : covered.length / logged.length }).toEqual({
        ...where,
        ratio: card.objections.coverage,
      });
      seen += covered.length;
    }
    expect(seen).toBeGreaterThan(0);
  });
});
