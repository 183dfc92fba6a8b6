import type { Response } from 'supertest';
import { type EvidenceHistory, buildEvidenceHistory } from '../support/evidence-history.js';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

/**
 * "Every number opens its evidence": GET /v1/scorecards/{period}/evidence lists the facts behind a figure, and
 * their count (for money, the sum of their amounts) is the figure itself; GET /v1/evidence answers the summaries
 * of the events at global positions (the alignment health signs' evidence). Written from the specification.
 */
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Evidence = { position: number; subject: string; type: string; streamId: string; occurredAt: string } & {
  recordedAt: string;
  actor: string | null;
  hash: string;
  amount: number | null;
};
type Page = {
  period: string;
  metric: string;
  at: string;
  total: number;
  events: Evidence[];
  next: string | null;
};
type StoredEvent = { type: string; streamId: string; hash: string; data: Data; metadata: Data };
type Query = Record<string, string | number | undefined>;

const won = (d: Data) => d.outcome === 'won';
const joint = (d: Data) => new Set((d.attendees as Data[]).map((a) => a.team)).size === 2;
const BLAMED = ['ObjectionLogged', 'DealRecorded', 'HuddleHeld', 'LeadRejected', 'RetroClosed'];
/** Each metric: the event types of the facts it counts, what their data must say; money metrics sum amounts. */
const METRICS: Record<string, { types: string[]; fits?: (d: Data) => boolean; money?: boolean }> = {
  'deals.won': { types: ['DealRecorded'], fits: won },
  'deals.lost': { types: ['DealRecorded'], fits: (d) => d.outcome === 'lost' },
  'leads.handedOff': { types: ['LeadHandedOff'] },
  'leads.withinSla': { types: ['LeadHandedOff'] },
  'leads.breached': { types: ['LeadHandedOff'] },
  'leads.accepted': { types: ['LeadAccepted'] },
  'leads.rejected': { types: ['LeadRejected'] },
  'campaigns.launched': { types: ['CampaignLaunched'] },
  'campaigns.reviewedBeforeLaunch': { types: ['CampaignLaunched'], fits: (d) => d.reviewedBySales === true },
  'campaigns.blindsides': { types: ['BlindsideReported'] },
  'objections.logged': { types: ['ObjectionLogged'] },
  'huddles.held': { types: ['HuddleHeld'] },
  'huddles.joint': { types: ['HuddleHeld'], fits: joint },
  'actionItems.opened': { types: ['HuddleHeld', 'RetroClosed'] },
  'actionItems.completed': { types: ['ActionItemCompleted', 'RetroActionItemCompleted'] },
  'actionItems.overdue': { types: ['HuddleHeld', 'RetroClosed'] },
  'celebrations.joint': { types: ['WinCelebrated'], fits: joint },
  'blame.flagged': { types: [...BLAMED, 'CampaignReviewed', 'BlindsideReported'], fits: (d) => d.blameFlag },
  'revenue.won': { types: ['DealRecorded'], fits: won, money: true },
  'revenue.campaignInfluenced': {
    types: ['DealRecorded'],
    fits: (d) => won(d) && d.campaignIds.length > 0,
    money: true,
  },
};
const NAMES = Object.keys(METRICS);
/** The id of what an event is about. */
const idOf = ({ type, data }: StoredEvent): string =>
  data[
    {
      DealRecorded: 'dealId',
      ObjectionLogged: 'objectionId',
      HuddleHeld: 'huddleId',
      RetroClosed: 'retroId',
      WinCelebrated: 'celebrationId',
    }[type] ?? (type.startsWith('Lead') ? 'leadId' : 'campaignId')
  ];
/** What a fact of the metric may be about: the event's id, or for action items `huddle|retro/<id>/<item id>`. */
const subjectsOf = (metric: string, e: StoredEvent): string[] => {
  const [kind, d] = [e.type.includes('Retro') ? 'retro' : 'huddle', e.data];
  if (!metric.startsWith('actionItems.')) return [idOf(e)];
  const items: string[] = d.actionItems?.map((i: Data) => i.actionItemId) ?? [d.actionItemId];
  return items.map((item) => `${kind}/${d.huddleId ?? d.retroId}/${item}`);
};
/** The business time a fact is bucketed by (README, "The scorecard"). */
const businessTime = ({ type, data, metadata }: StoredEvent): string =>
  type === 'DealRecorded' ? data.closedAt : type === 'HuddleHeld' ? data.heldAt : metadata.occurredAt;
const figure = (card: Data, metric: string): number =>
  metric.split('.').reduce<Data>((v, key) => v[key], card) as unknown as number;
const instant = (text: string) => new Date(text).toISOString();
const query = (q: Query) => {
  const given = Object.entries(q).flatMap(([k, v]) =>
    v === undefined ? [] : [[k, String(v)] as [string, string]],
  );
  return `?${new URLSearchParams(given)}`;
};
/** A path and query from a `next` link, absolute or not. */
const pathOf = (link: string) =>
  ((url) => `${url.pathname}${url.search}`)(new URL(link, 'http://ledger.test'));
const ok = (r: Response) => {
  if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  return r.body;
};
const expectProblem = (r: Response, status: number, field?: string) => {
  const problem = /^application\/problem\+json/;
  expect({ status: r.status, type: r.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(problem),
  });
  if (field) expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
};
/** Far ahead: every deadline of the history is over, the current month's pending lead and open item included. */
const FAR = '2199-06-01T00:00:00Z';

describe.each(backends)('scorecard evidence (%s)', (backend) => {
  let t: TestApp;
  let h: EvidenceHistory;
  const stored = new Map<number, Promise<StoredEvent>>();
  const event = (position: number) => {
    if (!stored.has(position)) stored.set(position, t.http().get(`/v1/events/${position}`).then(ok));
    return stored.get(position) as Promise<StoredEvent>;
  };
  const get = async (path: string) => ok(await t.http().get(path));
  const evidence = (period: string, q: Query): Promise<Page> =>
    get(`/v1/scorecards/${period}/evidence${query(q)}`);
  const positions = async (period: string, q: Query) =>
    (await evidence(period, q)).events.map((e) => e.position);

  /** Each entry: a fact of the metric, in the period, known at T, the event at its position. */
  const expectFactsOf = async (page: Page, card: Data, asOf: string | undefined) => {
    const { metric } = page;
    const keys = page.events.map((e) => `${String(e.position).padStart(12, '0')} ${e.subject}`);
    expect(keys).toEqual([...new Set(keys)].sort());
    for (const e of page.events) {
      const s = await event(e.position);
      const where = { period: page.period, asOf, metric, position: e.position, subject: e.subject };
      expect({ ...where, type: e.type, streamId: e.streamId, hash: e.hash, actor: e.actor }).toEqual({
        ...where,
        type: s.type,
        streamId: s.streamId,
        hash: s.hash,
        actor: s.metadata.actor,
      });
      expect({
        ...where,
        counted: METRICS[metric].types.includes(e.type) && (METRICS[metric].fits?.(s.data) ?? true),
        recordedAt: instant(e.recordedAt),
        occurredAt: instant(e.occurredAt),
        inPeriod: instant(e.occurredAt) >= card.from && instant(e.occurredAt) < card.to,
        known: instant(e.recordedAt) <= (asOf ?? page.at),
        hash: /^[0-9a-f]{64}$/.test(e.hash),
        amount: e.amount,
      }).toEqual({
        ...where,
        counted: true,
        recordedAt: instant(s.metadata.recordedAt),
        occurredAt: instant(businessTime(s)),
        inPeriod: true,
        known: true,
        hash: true,
        amount:
          e.type === 'DealRecorded' && (METRICS[metric].money || e.amount !== null) ? s.data.amount : null,
      });
      if (metric !== 'blame.flagged')
        expect({ ...where, subjects: subjectsOf(metric, s) }).toEqual({
          ...where,
          subjects: expect.arrayContaining([e.subject]),
        });
    }
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    h = await buildEvidenceHistory(t);
    // Every read model has folded the whole history.
    await get(`/v1/scorecards/2026-Q3?minPosition=${h.head}`);
    await get(`/v1/alignment-health?minPosition=${h.head}`);
  }, 120_000);
  afterAll(() => t?.close());

  it('gives, for every metric, period and T (now, T0, far ahead), the figure: as many facts (money: Σ amount), each one of them', async () => {
    const figures: Record<string, Record<string, number>> = {};
    for (const period of [
      '2026-W36',
      '2026-W37',
      '2026-W38',
      '2026-09',
      '2026-Q3',
      '2026-W27',
      h.currentMonth,
    ]) {
      for (const asOf of [undefined, h.t0, FAR]) {
        const card = await get(`/v1/scorecards/${period}${query({ asOf })}`);
        const counted: Record<string, number> = (figures[`${period}@${asOf ?? 'now'}`] = {});
        for (const metric of NAMES) {
          const asked = new Date().toISOString();
          const page = await evidence(period, { metric, asOf });
          const { money } = METRICS[metric];
          const sum = page.events.reduce((s, e) => s + (e.amount ?? 0), 0);
          counted[metric] = money ? sum : page.total;
          const at =
            asOf === undefined && instant(page.at) >= asked && instant(page.at) <= new Date().toISOString();
          expect({
            period,
            asOf,
            metric,
            at: at || instant(page.at),
            total: page.total,
            length: page.events.length,
            next: page.next,
            sum: money ? sum : null,
          }).toEqual({
            period: page.period,
            asOf,
            metric: page.metric,
            at: asOf === undefined ? true : card.at,
            total: money ? (metric === 'revenue.won' ? card.deals.won : page.total) : figure(card, metric),
            length: Math.min(page.total, 1000),
            next: null,
            sum: money ? figure(card, metric) : null,
          });
          await expectFactsOf(page, card, asOf);
        }
      }
    }
    // Not trivially zeros: every figure of the quarter and of W37 counts something; the late facts change many.
    for (const card of ['2026-Q3@now', '2026-W37@now'])
      expect({ card, zero: NAMES.filter((m) => figures[card][m] === 0) }).toEqual({ card, zero: [] });
    const [now, then] = [figures['2026-Q3@now'], figures[`2026-Q3@${h.t0}`]];
    expect(NAMES.filter((m) => now[m] !== then[m]).length).toBeGreaterThanOrEqual(8);
    expect(NAMES.filter((m) => figures['2026-W27@now'][m] !== 0)).toEqual([]);
    // This month: a lead not yet due and an item not yet due count as neither breached nor overdue until later.
    const [month, later] = [figures[`${h.currentMonth}@now`], figures[`${h.currentMonth}@${FAR}`]];
    expect([
      month['leads.breached'],
      month['actionItems.overdue'],
      later['leads.breached'],
      later['actionItems.overdue'],
    ]).toEqual([0, 0, 1, 1]);
  }, 240_000);

  it('names what each blame flag is about as its subject (the deal, objection, huddle… whose text was flagged)', async () => {
    const { events } = await evidence('2026-Q3', { metric: 'blame.flagged' });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events)
      expect({ type: e.type, subject: e.subject }).toEqual({
        type: e.type,
        subject: idOf(await event(e.position)),
      });
  });

  it('walks the same facts one at a time via next as in one page, now and as of T0', async () => {
    for (const [period, metric, asOf] of [
      ['2026-Q3', 'actionItems.opened', undefined],
      ['2026-Q3', 'leads.handedOff', h.t0],
      ['2026-09', 'blame.flagged', h.t0],
      ['2026-Q3', 'revenue.won', undefined],
    ] as const) {
      const whole = await evidence(period, { metric, asOf, limit: 10_000 });
      const pages = [await evidence(period, { metric, asOf, limit: 1 })];
      for (
        let next = pages[0].next;
        next !== null && pages.length <= whole.total;
        next = pages[pages.length - 1].next
      )
        pages.push(await get(pathOf(next)));
      expect(pages.map((p) => [p.events.length, p.total])).toEqual(whole.events.map(() => [1, whole.total]));
      expect(pages.flatMap((p) => p.events)).toEqual(whole.events);
      const two = await evidence(period, { metric, asOf, limit: 2, offset: 1 });
      expect({ events: two.events, next: two.next === null }).toEqual({
        events: whole.events.slice(1, 3),
        next: whole.total <= 3,
      });
      const past = await evidence(period, { metric, asOf, offset: whole.total });
      expect({ events: past.events, next: past.next, total: past.total }).toEqual({
        events: [],
        next: null,
        total: whole.total,
      });
    }
    // One huddle opening three items: three facts at one position.
    const opened = (await evidence('2026-W37', { metric: 'actionItems.opened' })).events.filter(
      (e) => e.position === h.before.huddleW37,
    );
    expect(opened.map((e) => e.subject)).toEqual([
      'huddle/h-w37/ai-1',
      'huddle/h-w37/ai-2',
      'huddle/h-w37/ai-3',
    ]);
  });

  it('leaves out of the evidence as of T0 what was recorded after it, and counts it now', async () => {
    const [asOf, { dealWon, completionOfAi3 }, leadE] = [h.t0, h.late, h.before.handOffLeadE];
    for (const metric of ['deals.won', 'revenue.won', 'revenue.campaignInfluenced']) {
      expect(await positions('2026-09', { metric, asOf })).not.toContain(dealWon);
      expect(await positions('2026-09', { metric })).toContain(dealWon);
    }
    // Lead e's follow-up (in time) came in after T0: breached as of T0, within the SLA now.
    expect(await positions('2026-09', { metric: 'leads.breached', asOf })).toContain(leadE);
    expect(await positions('2026-09', { metric: 'leads.withinSla', asOf })).not.toContain(leadE);
    expect(await positions('2026-09', { metric: 'leads.withinSla' })).toContain(leadE);
    expect(await positions('2026-09', { metric: 'leads.breached' })).not.toContain(leadE);
    // ai-3's completion came in after T0: overdue as of T0, completed now.
    const ai3 = async (q: Query) =>
      (await evidence('2026-09', q)).events.some((e) => e.subject === 'huddle/h-w37/ai-3');
    expect([
      await ai3({ metric: 'actionItems.overdue', asOf }),
      await ai3({ metric: 'actionItems.overdue' }),
    ]).toEqual([true, false]);
    expect(await positions('2026-09', { metric: 'actionItems.completed', asOf })).not.toContain(
      completionOfAi3,
    );
    expect(await positions('2026-09', { metric: 'actionItems.completed' })).toContain(completionOfAi3);
    // T0 written with another offset is the same instant.
    const shifted = new Date(Date.parse(asOf) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    const [zulu, plusTwo] = [
      await evidence('2026-Q3', { metric: 'leads.handedOff', asOf }),
      await evidence('2026-Q3', { metric: 'leads.handedOff', asOf: shifted }),
    ];
    expect({ ...plusTwo, at: instant(plusTwo.at) }).toEqual(zulu);
  });

  it('GetEvidence answers the summaries of the health signs evidence, and lists the positions with no event', async () => {
    const health: Data = await get('/v1/alignment-health');
    const signs = Object.values(health).filter((s): s is Data => Array.isArray(s?.evidence));
    const shown = [...new Set(signs.flatMap((s) => s.evidence as number[]))].sort((a, b) => a - b);
    expect(shown.length).toBeGreaterThan(0);
    const absent = [h.head + 1000, h.head + 1001];
    const answer = await get(`/v1/evidence?positions=${[...absent, ...shown].join(',')}`);
    expect([...answer.missing].sort((a: number, b: number) => a - b)).toEqual(absent);
    expect(answer.events.map((e: Evidence) => e.position).sort((a: number, b: number) => a - b)).toEqual(
      shown,
    );
    for (const e of answer.events) {
      const s = await event(e.position);
      expect({ ...e, occurredAt: instant(e.occurredAt), recordedAt: instant(e.recordedAt) }).toEqual({
        position: e.position,
        type: s.type,
        streamId: s.streamId,
        occurredAt: instant(businessTime(s)),
        recordedAt: instant(s.metadata.recordedAt),
        actor: s.metadata.actor,
        hash: s.hash,
      });
    }
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(',');
    const first200 = await get(`/v1/evidence?positions=${upTo(200)}`);
    expect([first200.events.length, first200.missing.length]).toEqual([
      Math.min(200, h.head),
      200 - Math.min(200, h.head),
    ]);
    for (const bad of [upTo(201), 'abc', '1.5', '3,x'])
      expectProblem(await t.http().get(`/v1/evidence?positions=${bad}`), 400, 'positions');
  });

  it('refuses a bad metric, period, asOf, limit or offset with a problem naming it', async () => {
    const bad = async (period: string, q: Query, field: string) =>
      expectProblem(await t.http().get(`/v1/scorecards/${period}/evidence${query(q)}`), 400, field);
    for (const metric of ['deals.tied', 'revenue.attainment', 'goal', undefined])
      await bad('2026-Q3', { metric }, 'metric');
    for (const period of ['2026-W54', '2026-13', '2026-Q5'])
      await bad(period, { metric: 'deals.won' }, 'period');
    for (const asOf of ['yesterday', '2026-09-01', '2200-01-01T00:00:00Z'])
      await bad('2026-Q3', { metric: 'deals.won', asOf }, 'asOf');
    for (const limit of ['0', '10001', '1.5', 'abc', '-1'])
      await bad('2026-Q3', { metric: 'deals.won', limit }, 'limit');
    for (const offset of ['-1', '1.5', 'abc'])
      await bad('2026-Q3', { metric: 'deals.won', offset }, 'offset');
    expect(
      (await evidence('2026-Q3', { metric: 'deals.won', limit: 10_000, offset: 0 })).total,
    ).toBeGreaterThan(0);
  });

  it('is documented as GetScorecardEvidence and GetEvidence, scope read, and answers as its document says', async () => {
    const { paths } = await get('/docs-json');
    const documented = ['/v1/scorecards/{period}/evidence', '/v1/evidence'].map((path) => paths[path]?.get);
    expect(documented.map((op) => [op?.operationId, op?.['x-ledger-scope']])).toEqual([
      ['GetScorecardEvidence', 'read'],
      ['GetEvidence', 'read'],
    ]);
    // The typed client checks every answer, problems included, against the served schema.
    const client = await t.client();
    const path = { period: '2026-Q3' };
    const page = await client.GET('/v1/scorecards/{period}/evidence', {
      params: { path, query: { metric: 'actionItems.opened', asOf: h.t0, limit: 2, offset: 1 } },
    });
    expect([page.response.status, page.data?.events.length]).toEqual([200, 2]);
    const summaries = await client.GET('/v1/evidence', {
      params: { query: { positions: `1,${h.head + 1}` } },
    });
    expect(summaries.data).toMatchObject({ events: [{ position: 1 }], missing: [h.head + 1] });
    const refused = await client.GET('/v1/evidence', { params: { query: { positions: 'x' } } });
    expect(refused.response.status).toBe(400);
  });

  it('needs the read scope: none is a 401, audit alone a 403, read a 200', async () => {
    const keyWith = async (scopes: string[]) =>
      (
        await t
          .http()
          .post('/v1/api-keys')
          .send({ name: `evidence-${scopes[0]}`, scopes })
      ).body.secret as string;
    const [audit, read] = [await keyWith(['audit']), await keyWith(['read'])];
    for (const path of ['/v1/scorecards/2026-Q3/evidence?metric=deals.won', '/v1/evidence?positions=1,2']) {
      expectProblem(await t.as(null).get(path), 401);
      expectProblem(await t.as(audit).get(path), 403);
      expect(ok(await t.as(read).get(path))).toBeDefined();
    }
  });
});
