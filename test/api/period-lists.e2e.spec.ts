import type { Response } from 'supertest';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

/**
 * ListCampaigns, ListRetros (GET /v1/campaigns|retros?period=) and ListOpenActionItems (GET /v1/action-items),
 * written from their specification: periods by business time (start inclusive, end exclusive), as of an instant
 * T0 after which some facts are posted late (business time before T0), each entry as its own read answers.
 */
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Post = (path: string, body: object) => Promise<number>;
type Query = Record<string, string | undefined>;

// 2026-W41 is Mon 5 – Sun 11 Oct 2026: the instants around its two edges.
const BEFORE_W41 = '2026-10-04T23:59:59.999Z';
const START_W41 = '2026-10-05T00:00:00.000Z';
const LAST_IN_W41 = '2026-10-11T23:59:59.999Z';
const END_W41 = '2026-10-12T00:00:00.000Z';
const at = (date: string, time: string) => `2026-${date}T${time}:00.000Z`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const brief = {
  name: 'Autumn bundle',
  offer: 'Two months free',
  channels: ['email'],
  audience: 'Mid-market customers',
  talkingPoints: ['Price locked for a year'],
};
const launched = { ...brief, launchedBy: 'mia' };
const proposed = { ...brief, plannedLaunchDate: '2026-10-20', proposedBy: 'mia' };
/** Action items from `{ id: dueDate }`. */
const items = (owner: string, due: Record<string, string>) =>
  Object.entries(due).map(([id, dueDate]) => ({ actionItemId: id, description: `Do ${id}`, owner, dueDate }));
const huddle = (heldAt: string, due: Record<string, string>) => ({
  heldAt,
  attendees: [
    { personId: 'mia', team: 'marketing' },
    { personId: 'sam', team: 'sales' },
  ],
  numbersReviewed: true,
  working: ['Webinar leads convert well'],
  notWorking: [],
  objectionCategoriesDiscussed: ['price'],
  actionItems: items('noor', due),
});
const note = (noteId: string, author?: string) => ({
  noteId,
  column: 'learning',
  text: `Note ${noteId}`,
  author,
});
/** An entry of ListOpenActionItems, as the specification defines it (dueAt: the end of the due date, UTC). */
const openItem = (subject: string, owner: string, openedAt: string, due: string, position: number) => {
  const [source, sourceId, actionItemId] = subject.split('/');
  const dueAt = new Date(Date.parse(`${due}T00:00:00.000Z`) + 86_400_000).toISOString();
  const [description, overdue] = [`Do ${actionItemId}`, Date.parse(dueAt) <= Date.now()];
  return { subject, source, sourceId, actionItemId, description, owner, openedAt, dueAt, overdue, position };
};
const idsOf = (entries: Data[]) => entries.map((entry) => entry.campaignId ?? entry.retroId).join(' ');
const without = (entries: Data[], ids: string[]) =>
  entries.filter((entry) => !ids.includes(entry.campaignId ?? entry.retroId));
const url = (path: string, query: Query = {}) => {
  const defined = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? path : `${path}?${new URLSearchParams(defined)}`;
};
/** A problem+json answer with that status (the body is shown on a failure: its `instance` names the request). */
const expectProblem = (response: Response, status: number) => {
  const answer = { status: response.status, type: response.headers['content-type'], body: response.body };
  expect(answer).toMatchObject({ status, type: expect.stringMatching(/^application\/problem\+json/) });
  return response.body as Data;
};

/** The history: posted before T0, then the late facts (recorded after T0, business time before it). */
const buildHistory = async (post: Post) => {
  const p: Record<string, number> = {};
  const c = (id: string, command: string, occurredAt: string, body: object = {}) =>
    post(`/v1/campaigns/${id}/${command}`, { ...body, occurredAt });
  // Campaigns; in the comments, their latest activity inside W41.
  await c('c-start', 'propose', START_W41, proposed); // the start is inclusive
  await c('c-before', 'launch', BEFORE_W41, launched); // none: just before W41
  await c('c-end', 'launch', END_W41, launched); // none: the end is exclusive
  await c('c-last', 'launch', LAST_IN_W41, launched);
  await c('c-span', 'propose', at('09-30', '10:00'), proposed);
  await c('c-span', 'review', at('10-06', '10:00'), {
    reviewedBy: 'sam',
    verdict: 'endorse',
    reasons: 'Yes',
  });
  await c('c-span', 'launch', at('10-13', '09:00'), launched); // the review: the launch is after W41
  await c('c-signals', 'launch', at('09-20', '09:00'), launched);
  await c('c-signals', 'acknowledge-briefing', at('10-07', '10:00'), { acknowledgedBy: 'ana' });
  const blindside = { reportedBy: 'sam', customerReference: 'globex', note: 'Globex asked first' };
  await c('c-signals', 'report-blindside', at('10-14', '14:00'), blindside); // in W42
  await c('c-signals', 'end', at('10-21', '12:00'), { endedBy: 'mia' }); // in W43
  await c('c-ghost', 'report-blindside', at('10-20', '14:00'), blindside); // never proposed nor launched
  await c('c-tie-b', 'launch', at('10-08', '09:00'), launched);
  await c('c-tie-a', 'launch', at('10-08', '09:00'), launched);
  await c('c-late', 'propose', at('10-06', '09:00'), proposed);
  // Retros.
  const r = (id: string, command: string, occurredAt: string, body: object) =>
    post(`/v1/retros/${id}/${command}`, { ...body, occurredAt });
  const open = { subject: { kind: 'period', period: '2026-Q4' }, facilitator: 'noor' };
  await r('r-before', 'open', BEFORE_W41, open);
  await r('r-end', 'open', END_W41, open);
  await r('r-span', 'open', at('09-28', '09:00'), open);
  await r('r-span', 'add-note', START_W41, note('n-start')); // its only activity in W41
  await r('r-span', 'close', at('10-13', '09:00'), { closedBy: 'noor', actionItems: [] });
  await r('r-closed', 'open', at('10-06', '09:00'), open);
  await r('r-closed', 'add-note', at('10-06', '10:00'), note('n-named', 'sam'));
  await r('r-closed', 'add-note', at('10-06', '11:00'), note('n-anonymous'));
  const retroItems = items('mia', { 'r-ai-1': '2026-10-08', 'r-ai-2': '2199-06-01', 'r-ai-3': '2026-10-09' });
  p.rClosed = await r('r-closed', 'close', at('10-07', '09:00'), {
    closedBy: 'noor',
    actionItems: retroItems,
  });
  await r('r-late', 'open', at('10-06', '08:00'), open);
  // Huddles: one item done in time, one whose completion is dated after T (3 minutes on), one held in 2 minutes.
  p.hBefore = await post('/v1/huddles/h-before/hold', huddle(BEFORE_W41, { 'hb-1': '2026-10-08' }));
  p.hEnd = await post('/v1/huddles/h-end/hold', huddle(END_W41, { 'he-1': '2026-10-20' }));
  const h1 = { 'ai-done': '2026-10-08', 'ai-open': '2026-10-08', 'ai-late': '2026-10-10' };
  const h1Later = { 'ai-soon': '2026-10-25', 'ai-future': '2199-01-01' };
  p.h1 = await post('/v1/huddles/h1/hold', huddle(at('10-06', '10:00'), { ...h1, ...h1Later }));
  const complete = (path: string, completedBy: string, occurredAt: string) =>
    post(`/v1/${path}/complete`, { completedBy, occurredAt });
  await complete('huddles/h1/action-items/ai-done', 'noor', at('10-07', '10:00'));
  await complete('huddles/h1/action-items/ai-soon', 'noor', inMinutes(3));
  await post('/v1/huddles/h-future/hold', huddle(inMinutes(2), { 'hf-1': '2199-01-01' }));

  await sleep(20);
  const t0 = new Date().toISOString();
  await sleep(20);
  await c('c-late', 'launch', at('10-10', '09:00'), launched);
  await c('c-only-late', 'launch', at('10-07', '09:00'), launched);
  await r('r-late', 'add-note', at('10-09', '09:00'), note('n-late', 'ana'));
  await complete('huddles/h1/action-items/ai-late', 'noor', at('10-09', '10:00'));
  await complete('retros/r-closed/action-items/r-ai-3', 'mia', at('10-08', '10:00'));
  p.hLate = await post('/v1/huddles/h-late/hold', huddle(at('10-08', '10:00'), { 'hl-1': '2026-10-11' }));
  return { t0, p };
};

describe.each(backends)('period lists: campaigns, retros, open action items (%s)', (backend) => {
  let t: TestApp;
  let head = 0;
  let t0: string;
  let p: Record<string, number>;
  const post: Post = async (path, body) => {
    const response = await t.http().post(path).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`);
    head = Math.max(head, response.body.globalPosition as number);
    return response.body.globalPosition as number;
  };
  /** Waits until every read model has folded what was posted (the lists take no ?minPosition=). */
  const settle = async () => {
    for (let i = 0; i < 400; i += 1) {
      const { body } = await t.http().get('/v1/projections');
      if ((body as Data[]).every((projection) => projection.checkpoint >= head)) return;
      await sleep(25);
    }
    throw new Error(`read models not at position ${head}`);
  };
  const read = async (path: string, query: Query = {}) => {
    const response = await t.http().get(url(path, query));
    if (response.status !== 200) throw new Error(`${url(path, query)}: ${response.status} ${response.text}`);
    return response.body as Data;
  };
  /** A list for a period, each entry checked deeply against its own read (GetCampaign, GetRetro) for the same asOf. */
  const list = async (kind: 'campaigns' | 'retros', period: string, asOf?: string) => {
    const body = await read(`/v1/${kind}`, { period, asOf });
    expect(body).toEqual({ period, [kind]: expect.any(Array) });
    for (const entry of body[kind] as Data[]) {
      expect(entry).toEqual(await read(`/v1/${kind}/${entry.campaignId ?? entry.retroId}`, { asOf }));
    }
    return body[kind] as Data[];
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerRoster(t, { mia: 'marketing', noor: 'marketing', sam: 'sales', ana: 'sales' });
    ({ t0, p } = await buildHistory(post));
    await settle();
  });
  afterAll(() => t.close());

  it('ListCampaigns: the campaigns active in the period (business time), latest activity first, now and as of T0', async () => {
    const now = await list('campaigns', '2026-W41');
    expect(idsOf(now)).toBe('c-last c-late c-tie-a c-tie-b c-signals c-only-late c-span c-start');
    const then = await list('campaigns', '2026-W41', t0);
    expect(idsOf(then)).toBe('c-last c-tie-a c-tie-b c-signals c-span c-late c-start');
    // The late launch and the campaign launched only late are the whole difference.
    expect(now.find((c) => c.campaignId === 'c-late')).toMatchObject({ status: 'launched' });
    expect(then.find((c) => c.campaignId === 'c-late')).toMatchObject({
      status: 'proposed',
      launchedAt: null,
    });
    expect(without(now, ['c-late', 'c-only-late'])).toEqual(without(then, ['c-late']));
    // The edges seen from the neighbouring weeks; a blindside alone, an end alone; a month and a quarter.
    expect(idsOf(await list('campaigns', '2026-W40'))).toBe('c-before c-span');
    expect(idsOf(await list('campaigns', '2026-W42'))).toBe('c-signals c-span c-end');
    expect(idsOf(await list('campaigns', '2026-W43'))).toBe('c-signals c-ghost');
    const october =
      'c-signals c-ghost c-span c-end c-last c-late c-tie-a c-tie-b c-only-late c-start c-before';
    expect(idsOf(await list('campaigns', '2026-10'))).toBe(october);
    expect(idsOf(await list('campaigns', '2026-Q3', t0))).toBe('c-span c-signals');
    expect(await list('campaigns', '2026-W53')).toEqual([]);
    expect(await list('campaigns', '2026-W41', '2020-01-01T00:00:00Z')).toEqual([]);
  });

  it('ListRetros: retros opened, written in or closed in the period, latest first, as GetRetro answers', async () => {
    const now = await list('retros', '2026-W41');
    expect(idsOf(now)).toBe('r-late r-closed r-span');
    const then = await list('retros', '2026-W41', t0);
    expect(idsOf(then)).toBe('r-closed r-late r-span');
    // The late note, and the late completion of r-ai-3, are the whole difference.
    const [late, lateThen, closed, closedThen] = [now[0], then[1], now[1], then[0]];
    expect(late.columns.learning).toEqual([{ noteId: 'n-late', text: 'Note n-late', author: 'ana' }]);
    expect({ ...late, columns: lateThen.columns }).toEqual(lateThen);
    expect(lateThen.columns).toEqual({ 'went-well': [], 'to-improve': [], learning: [], kudos: [] });
    const done = (board: Data) =>
      board.actionItems.map((item: Data) => `${item.actionItemId}:${item.completed}`);
    expect(done(closed)).toEqual(['r-ai-1:false', 'r-ai-2:false', 'r-ai-3:true']);
    expect(done(closedThen)).toEqual(['r-ai-1:false', 'r-ai-2:false', 'r-ai-3:false']);
    expect({ ...closed, actionItems: closedThen.actionItems }).toEqual(closedThen);
    expect(now[2]).toEqual(then[2]);
    // An anonymous note has no author key at all.
    const [named, anonymous] = closed.columns.learning as Data[];
    expect([named, anonymous]).toEqual(
      [note('n-named', 'sam'), note('n-anonymous')].map(({ column: _, ...n }) => n),
    );
    expect(Object.keys(anonymous)).not.toContain('author');
    expect(idsOf(await list('retros', '2026-W40'))).toBe('r-before r-span');
    expect(idsOf(await list('retros', '2026-W42'))).toBe('r-span r-end');
    expect(idsOf(await list('retros', '2026-10'))).toBe('r-span r-end r-late r-closed r-before');
    expect(await list('retros', '2026-Q1')).toEqual([]);
  });

  it('ListOpenActionItems: opened and not completed by T, earliest due first, and the scorecard agrees', async () => {
    const [h1, closed] = [at('10-06', '10:00'), at('10-07', '09:00')];
    const dueFirst = [
      openItem('huddle/h-before/hb-1', 'noor', BEFORE_W41, '2026-10-08', p.hBefore), // ties by subject
      openItem('huddle/h1/ai-open', 'noor', h1, '2026-10-08', p.h1),
      openItem('retro/r-closed/r-ai-1', 'mia', closed, '2026-10-08', p.rClosed),
    ];
    const dueLast = [
      openItem('huddle/h-end/he-1', 'noor', END_W41, '2026-10-20', p.hEnd),
      openItem('huddle/h1/ai-soon', 'noor', h1, '2026-10-25', p.h1), // its completion is dated after T
      openItem('huddle/h1/ai-future', 'noor', h1, '2199-01-01', p.h1),
      openItem('retro/r-closed/r-ai-2', 'mia', closed, '2199-06-01', p.rClosed),
    ];
    const opened = openItem('huddle/h-late/hl-1', 'noor', at('10-08', '10:00'), '2026-10-11', p.hLate);
    const now = await read('/v1/action-items');
    const openNow = [...dueFirst, opened, ...dueLast];
    expect(now).toEqual({ total: openNow.length, items: openNow });
    // At most limit items, the earliest due, and how many there are in all.
    expect(await read('/v1/action-items', { limit: '2' })).toEqual({
      total: openNow.length,
      items: openNow.slice(0, 2),
    });
    for (const limit of ['0', '1001', '1.5'])
      expectProblem(await t.http().get(url('/v1/action-items', { limit })), 400);
    const completedLate = [
      openItem('retro/r-closed/r-ai-3', 'mia', closed, '2026-10-09', p.rClosed),
      openItem('huddle/h1/ai-late', 'noor', h1, '2026-10-10', p.h1),
    ];
    const then = await read('/v1/action-items', { asOf: t0 });
    const openThen = [...dueFirst, ...completedLate, ...dueLast];
    expect(then).toEqual({ total: openThen.length, items: openThen });
    // The same instant with an offset; before anything was recorded, nothing.
    const offset = new Date(Date.parse(t0) + 7_200_000).toISOString().replace('Z', '+02:00');
    expect(await read('/v1/action-items', { asOf: offset })).toEqual(then);
    expect(await read('/v1/action-items', { asOf: '2020-01-01T00:00:00Z' })).toEqual({ total: 0, items: [] });
    // Each position is the event that opened the item.
    for (const [position, type, key, id] of [
      [p.h1, 'HuddleHeld', 'huddleId', 'h1'],
      [p.hLate, 'HuddleHeld', 'huddleId', 'h-late'],
      [p.rClosed, 'RetroClosed', 'retroId', 'r-closed'],
    ] as const) {
      expect(await read(`/v1/events/${position}`)).toMatchObject({ type, data: { [key]: id } });
    }
    // The overdue items opened in a period are the scorecard's actionItems.overdue, now and as of T0.
    const overdue = { '2026-W40': [1, 1], '2026-W41': [4, 5], '2026-W42': [1, 1], '2026-10': [6, 7] };
    for (const [period, [countNow, countThen]] of Object.entries({ ...overdue, '2026-Q4': [6, 7] })) {
      for (const [asOf, answer, count] of [
        [undefined, now, countNow],
        [t0, then, countThen],
      ] as const) {
        const card = await read(`/v1/scorecards/${period}`, { asOf });
        const inPeriod = (answer.items as Data[]).filter(
          (i) => i.openedAt >= card.from && i.openedAt < card.to,
        );
        const listed = inPeriod.filter((i) => i.overdue).length;
        expect([period, asOf, listed, card.actionItems.overdue]).toEqual([period, asOf, count, count]);
      }
    }
  });

  it('refuses a bad or missing period, a bad asOf and unknown parameters with 400 problem+json', async () => {
    const periods = [undefined, '', '2026-13', '2026-Q5', '2026-W54', '2025-W53', '2026-W1', '2026-w41'];
    for (const path of ['/v1/campaigns', '/v1/retros']) {
      for (const period of [...periods, '1969-12', '2200-01', 'october', '2026-10-01']) {
        const body = expectProblem(await t.http().get(url(path, { period })), 400);
        expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'period' })]));
      }
      expect((await t.http().get(url(path, { period: '2026-W53' }))).status).toBe(200);
      for (const asOf of ['yesterday', '2026-10-01T00:00:00', '2300-01-01T00:00:00Z', '']) {
        expectProblem(await t.http().get(url(path, { period: '2026-10', asOf })), 400);
      }
      expectProblem(await t.http().get(url(path, { period: '2026-10', limit: '5' })), 400);
    }
    for (const query of [{ asOf: 'yesterday' }, { asOf: '' }, { foo: '1' }, { period: '2026-10' }]) {
      expectProblem(await t.http().get(url('/v1/action-items', query)), 400);
    }
  });

  it('needs the read scope: no credentials a 401, an audit-only key a 403', async () => {
    const keyWith = async (scopes: string[]) => {
      const created = await t
        .http()
        .post('/v1/api-keys')
        .send({ name: `lists-${scopes[0]}`, scopes });
      return created.body.secret as string;
    };
    const [audit, reader] = [await keyWith(['audit']), await keyWith(['read'])];
    for (const path of ['/v1/campaigns?period=2026-10', '/v1/retros?period=2026-10', '/v1/action-items']) {
      expectProblem(await t.as(null).get(path), 401);
      expectProblem(await t.as(audit).get(path), 403);
      expect((await t.as(reader).get(path)).status).toBe(200);
    }
  });

  it('lists at most 200 campaigns: the 200 latest', async () => {
    for (let i = 0; i <= 200; i += 1) {
      const occurredAt = new Date(Date.parse('2026-07-20T00:00:00.000Z') + i * 60_000).toISOString();
      await post(`/v1/campaigns/bulk-${String(i).padStart(3, '0')}/launch`, { ...launched, occurredAt });
    }
    await settle();
    const campaigns = (await list('campaigns', '2026-W30')).map((c) => c.campaignId);
    expect([campaigns.length, campaigns[0], campaigns[199]]).toEqual([200, 'bulk-200', 'bulk-001']);
  });
});
