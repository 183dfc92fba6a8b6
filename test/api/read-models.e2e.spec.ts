import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

describe.each(backends)('read models over HTTP (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { LEDGER_READ_WAIT_MS: '300' });
    await registerRoster(t, { noor: 'marketing', sam: 'sales', ana: 'sales', lee: 'sales' });
  });
  afterAll(() => t.close());

  it('GetRetro shows the board as the retro goes, reading its own writes via minPosition', async () => {
    await t
      .http()
      .post('/v1/retros/q4/open')
      .send({ subject: { kind: 'period', period: '2026-Q4' }, facilitator: 'noor' });
    await t
      .http()
      .post('/v1/retros/q4/add-note')
      .send({ noteId: 'n1', column: 'went-well', text: 'Webinar leads converted' });
    const beforeKudos = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t
      .http()
      .post('/v1/retros/q4/add-note')
      .send({ noteId: 'n2', column: 'kudos', text: 'Thanks for the battlecard', author: 'sam' });
    const closed = await t
      .http()
      .post('/v1/retros/q4/close')
      .send({
        closedBy: 'noor',
        actionItems: [
          {
            actionItemId: 'ai-1',
            description: 'Brief reps before launch',
            owner: 'noor',
            dueDate: '2026-12-01',
          },
        ],
      });
    const done = await t
      .http()
      .post('/v1/retros/q4/action-items/ai-1/complete')
      .send({ completedBy: 'noor' });
    expect([closed.status, done.status]).toEqual([201, 201]);

    const client = await t.client();
    const retro = (query: { minPosition?: number; asOf?: string }) =>
      client.GET('/v1/retros/{retroId}', { params: { path: { retroId: 'q4' }, query } });
    const board = await retro({ minPosition: done.body.globalPosition });
    expect(board.response.status).toBe(200);
    expect(board.data).toMatchObject({
      retroId: 'q4',
      subject: { kind: 'period', period: '2026-Q4' },
      facilitator: 'noor',
      status: 'closed',
      columns: {
        'went-well': [{ noteId: 'n1', text: 'Webinar leads converted' }],
        'to-improve': [],
        learning: [],
        kudos: [{ noteId: 'n2', text: 'Thanks for the battlecard', author: 'sam' }],
      },
      actionItems: [{ actionItemId: 'ai-1', owner: 'noor', dueDate: '2026-12-01', completed: true }],
    });
    expect(board.data?.columns['went-well'][0]).not.toHaveProperty('author');

    const { data: earlier } = await retro({ asOf: beforeKudos });
    expect(earlier).toMatchObject({ status: 'open', closedAt: null, actionItems: [] });
    expect(earlier?.columns).toEqual({
      'went-well': [{ noteId: 'n1', text: 'Webinar leads converted' }],
      'to-improve': [],
      learning: [],
      kudos: [],
    });
  });

  it('a position the read model cannot reach in time is a 503 with Retry-After; an unknown retro a 404', async () => {
    const behind = await t.http().get('/v1/retros/q4?minPosition=999999');
    expect(behind.status).toBe(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.http().get('/v1/retros/none')).status).toBe(404);
  });

  it('GetObjectionGaps answers now and as of an earlier moment', async () => {
    const logged = await t
      .http()
      .post('/v1/objections/o1/log')
      .send({ category: 'trust', text: 'They worry about data residency', heardBy: 'sam' });
    const beforeContent = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const content = await t.http().post('/v1/content/residency/address-objection').send({
      category: 'trust',
      title: 'Where your data lives',
      url: 'https://content.example.com/residency',
      publishedBy: 'noor',
    });
    const client = await t.client();
    const gaps = (query: { minPosition?: number; asOf?: string }) =>
      client.GET('/v1/objections/gaps', { params: { query } });
    const now = await gaps({ minPosition: content.body.globalPosition });
    expect(now.response.status).toBe(200);
    expect(now.data?.find((gap) => gap.category === 'trust')).toEqual({
      category: 'trust',
      last28Days: 1,
      previous28Days: 0,
      liveContent: [{ contentId: 'residency', title: 'Where your data lives' }],
      gap: false,
    });
    const { data: then } = await gaps({ asOf: beforeContent });
    expect(then?.[0]).toEqual({
      category: 'trust',
      last28Days: 1,
      previous28Days: 0,
      liveContent: [],
      gap: true,
    });
    expect(logged.status).toBe(201);
    const bad = await t.http().get('/v1/objections/gaps?asOf=yesterday');
    expect(bad.status).toBe(400);
  });

  it('GetCampaign shows reviews, briefing coverage, blindsides and influenced revenue, now and as of before the launch', async () => {
    const brief = {
      name: 'Winter bundle',
      offer: 'Bundle discount',
      channels: ['email'],
      audience: 'SMB',
      talkingPoints: ['Save 15%'],
    };
    await t
      .http()
      .post('/v1/campaigns/winter/propose')
      .send({ ...brief, plannedLaunchDate: '2026-12-01', proposedBy: 'noor' });
    await t
      .http()
      .post('/v1/campaigns/winter/review')
      .send({ reviewedBy: 'ana', verdict: 'concerns', reasons: 'Overlaps the renewal offer' });
    const beforeLaunch = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t
      .http()
      .post('/v1/campaigns/winter/launch')
      .send({ ...brief, launchedBy: 'noor' });
    await t.http().post('/v1/campaigns/winter/acknowledge-briefing').send({ acknowledgedBy: 'sam' });
    await t
      .http()
      .post('/v1/campaigns/winter/report-blindside')
      .send({ reportedBy: 'lee', customerReference: 'hooli', note: 'Customer asked before I knew' });
    const closedAt = '2026-11-20T10:00:00Z';
    await t
      .http()
      .post('/v1/deals/d-1/record')
      .send({
        outcome: 'won',
        amount: 250_000,
        currency: 'EUR',
        closedAt,
        owner: 'sam',
        campaignIds: ['winter'],
      });
    await t
      .http()
      .post('/v1/deals/d-2/record')
      .send({
        outcome: 'won',
        amount: 100_000,
        currency: 'EUR',
        closedAt,
        owner: 'ana',
        campaignIds: ['winter', 'other'],
      });
    const lost = await t
      .http()
      .post('/v1/deals/d-3/record')
      .send({
        outcome: 'lost',
        amount: 900_000,
        currency: 'EUR',
        closedAt,
        owner: 'ana',
        campaignIds: ['winter'],
      });

    const client = await t.client();
    const campaign = (query: { minPosition?: number; asOf?: string }) =>
      client.GET('/v1/campaigns/{campaignId}', { params: { path: { campaignId: 'winter' }, query } });
    const now = await campaign({ minPosition: lost.body.globalPosition });
    expect(now.response.status).toBe(200);
    expect(now.data).toMatchObject({
      campaignId: 'winter',
      name: 'Winter bundle',
      status: 'launched',
      reviewedBySalesBeforeLaunch: true,
      reviews: [{ reviewedBy: 'ana', verdict: 'concerns', reasons: 'Overlaps the renewal offer' }],
      briefing: { acknowledgedBy: ['sam'], salesRosterSizeAtLaunch: 3 },
      blindsides: [{ reportedBy: 'lee', customerReference: 'hooli' }],
      influencedRevenue: 350_000,
    });
    const { data: then } = await campaign({ asOf: beforeLaunch });
    expect(then).toMatchObject({
      status: 'proposed',
      launchedAt: null,
      briefing: { acknowledgedBy: [], salesRosterSizeAtLaunch: null },
      blindsides: [],
      influencedRevenue: 0,
    });
    expect((await t.http().get('/v1/campaigns/never-heard')).status).toBe(404);
  });

  it('RebuildProjection rebuilds blue/green and reports progress and a checksum equal to the live model', async () => {
    const started = await t.http().post('/v1/projections/campaign-view/rebuild');
    expect(started.status).toBe(202);
    let status = await t.http().get('/v1/projections/campaign-view');
    for (let i = 0; i < 200 && status.body.rebuild.state === 'building'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = await t.http().get('/v1/projections/campaign-view');
    }
    expect(status.body.rebuild).toMatchObject({ state: 'swapped', matchesLive: true, error: null });
    expect(status.body.rebuild.processed).toBe(status.body.rebuild.total);
    expect((await t.http().get('/v1/campaigns/winter')).body.influencedRevenue).toBe(350_000);
    expect((await t.http().post('/v1/projections/nope/rebuild')).status).toBe(404);
  });

  it('reports a rebuild another replica is running, and refuses to start a second one', async () => {
    const elsewhere = { state: 'building', processed: 3, total: 9, startedAt: new Date().toISOString() };
    await t.database.query(`INSERT INTO projection_rebuilds (name, progress) VALUES ('retro-board', $1)`, [
      JSON.stringify(elsewhere),
    ]);
    const status = await t.http().get('/v1/projections/retro-board');
    expect(status.body.rebuild).toEqual(elsewhere);
    const second = await t.http().post('/v1/projections/retro-board/rebuild');
    expect(second.status).toBe(409);
    expect(second.body.type).toBe('/problems/rebuild-in-progress');
    await t.database.query(`DELETE FROM projection_rebuilds WHERE name = 'retro-board'`);
  });

  it('ListProjections reports each projection with its checkpoint and lag', async () => {
    const head = await t.store.headPosition();
    const client = await t.client();
    const query = { query: { minPosition: head } };
    await client.GET('/v1/retros/{retroId}', { params: { path: { retroId: 'q4' }, ...query } });
    await client.GET('/v1/objections/gaps', { params: query });
    await client.GET('/v1/campaigns/{campaignId}', { params: { path: { campaignId: 'winter' }, ...query } });
    const health = await client.GET('/v1/alignment-health', { params: query });
    await client.GET('/v1/scorecards/{period}', { params: { path: { period: '2026-Q4' }, ...query } });
    await client.GET('/v1/team-members', { params: query });
    expect(health.response.status).toBe(200);
    // The winter campaign was reviewed; its blindside (reported today) is a warning sign.
    expect(health.data?.strategyNotShared).toEqual({ status: 'ok', evidence: [] });
    expect(health.data?.salesBlindsided.status).toBe('warning');
    const list = await t.http().get('/v1/projections');
    // Not stuck, nothing skipped: exact folds of the log.
    const exact = { state: 'running', error: null, failedAt: null, skipped: [], exact: true };
    expect(list.body).toEqual([
      { name: 'retro-board', version: 2, checkpoint: head, lag: 0, ...exact },
      { name: 'objection-gaps', version: 3, checkpoint: head, lag: 0, ...exact },
      { name: 'content', version: 1, checkpoint: head, lag: 0, ...exact },
      { name: 'campaign-view', version: 2, checkpoint: head, lag: 0, ...exact },
      { name: 'alignment-facts', version: 1, checkpoint: head, lag: 0, ...exact },
      { name: 'scorecard-facts', version: 4, checkpoint: head, lag: 0, ...exact },
      { name: 'team-members', version: 1, checkpoint: head, lag: 0, ...exact },
      { name: 'merkle-tree', version: 1, checkpoint: head, lag: 0, ...exact },
      { name: 'stream-index', version: 1, checkpoint: head, lag: 0, ...exact },
    ]);
  });
});
