import {
  type Backend,
  type TestApp,
  backends,
  defaultRoster,
  objection,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

/** What the edge refuses before anything reaches the decider or the database, and what the document says of it. */

type Answer = { status: number; body: { errors?: { field: string; rule: string }[] } };
const fields = (response: Answer) => (response.body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

const OUT_OF_RANGE_PERIODS = ['9999-Q4', '0000-W01', '0000-01', '9999-12', '9999-W52', '1969-12', '2200-Q1'];

const goal = { revenueTarget: 100_000, currency: 'EUR', setBy: 'person-mia' };
const attendees = [
  { personId: 'person-sam', team: 'sales' },
  { personId: 'person-mia', team: 'marketing' },
];
const huddle = (dueDate: string) => ({
  heldAt: '2026-11-19T09:30:00Z',
  attendees,
  numbersReviewed: true,
  working: [],
  notWorking: [],
  objectionCategoriesDiscussed: [],
  actionItems: [{ actionItemId: 'ai-1', description: 'Share drafts early', owner: 'person-mia', dueDate }],
});

describe.each(backends)('the request rules at the edge (%s)', (backend: Backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  it.each(OUT_OF_RANGE_PERIODS)(
    'period %s is a 400 naming the period on GetScorecard and SetSharedGoal',
    async (period) => {
      const read = await t.http().get(`/v1/scorecards/${period}`);
      expect(read.status).toBe(400);
      expect(fields(read)).toEqual(['period:period']);
      const set = await t.http().post(`/v1/shared-goals/${period}/set`).send(goal);
      expect(set.status).toBe(400);
      expect(fields(set)).toEqual(['period:period']);
    },
  );

  it('periods at the edges of 1970–2199 are read and set; week 53 only where the year has one', async () => {
    for (const period of ['1970-W01', '1970-01', '2199-Q4', '2199-12']) {
      expect((await t.http().get(`/v1/scorecards/${period}`)).status).toBe(200);
      expect((await t.http().post(`/v1/shared-goals/${period}/set`).send(goal)).status).toBe(201);
    }
    expect(fields(await t.http().post('/v1/shared-goals/2021-W53/set').send(goal))).toEqual([
      'period:period',
    ]);
  });

  it('an action item due in the year 9999 or 0 is a 400 naming it, on huddles and retro closes alike', async () => {
    for (const dueDate of ['9999-12-31', '0000-01-01', '1969-12-31', '2200-01-01']) {
      const held = await t.http().post(`/v1/huddles/h-${dueDate}/hold`).send(huddle(dueDate));
      expect(held.status).toBe(400);
      expect(fields(held)).toEqual(['actionItems.0.dueDate:isCalendarDate']);
    }
    await t
      .http()
      .post('/v1/retros/r-due/open')
      .send({ subject: { kind: 'period', period: '2026-Q4' }, facilitator: 'person-mia' })
      .expect(201);
    const items = [{ actionItemId: 'ai-1', description: 'Share drafts early', owner: 'person-mia' }];
    const closed = await t
      .http()
      .post('/v1/retros/r-due/close')
      .send({ closedBy: 'person-mia', actionItems: [{ ...items[0], dueDate: '9999-12-31' }] });
    expect(fields(closed)).toEqual(['actionItems.0.dueDate:isCalendarDate']);
    await t
      .http()
      .post('/v1/retros/r-due/close')
      .send({ closedBy: 'person-mia', actionItems: [{ ...items[0], dueDate: '2199-12-31' }] })
      .expect(201);
  });

  it('an action item due on the last day of 2199 is recorded, and the scorecard projection keeps running', async () => {
    const held = await t.http().post('/v1/huddles/h-last/hold').send(huddle('2199-12-31'));
    expect(held.status).toBe(201);
    const position = held.body.globalPosition as number;
    expect((await t.http().get(`/v1/scorecards/2026-11?minPosition=${position}`)).status).toBe(200);
    const { body } = await t.http().get('/v1/projections');
    const stopped = (body as { name: string; state: string; error: string | null }[]).filter(
      (p) => p.state !== 'running' || p.error !== null,
    );
    expect(stopped).toEqual([]);
  });

  it('instants outside 1970–2199 (UTC) or not RFC 3339 are 400s naming the field, never 500s', async () => {
    const cases: [string, string][] = [
      ['1969-12-31T23:59:59.999Z', 'ledgerTime'],
      ['1970-01-01T00:30:00+01:00', 'ledgerTime'],
      ['2200-01-01T00:00:00Z', 'ledgerTime'],
      ['2026-W10-1T10:00Z', 'ledgerTime'],
      ['20260302T103000Z', 'ledgerTime'],
      ['2026-03-02T10:30:00,5Z', 'ledgerTime'],
      ['0000-01-01T00:00:00Z', 'isIso8601'],
    ];
    for (const [instant, rule] of cases) {
      const logged = await t
        .http()
        .post('/v1/objections/o-time/log')
        .send(objection({ occurredAt: instant }));
      expect([logged.status, fields(logged)]).toEqual([400, [`occurredAt:${rule}`]]);
      const held = await t
        .http()
        .post('/v1/huddles/h-time/hold')
        .send({ ...huddle('2026-12-01'), heldAt: instant });
      expect(fields(held)).toEqual([`heldAt:${rule}`]);
      const read = await t.http().get('/v1/alignment-health').query({ asOf: instant });
      expect(fields(read)).toEqual([`asOf:${rule}`]);
      const key = await t
        .http()
        .post('/v1/api-keys')
        .send({ name: 'k', scopes: ['read'], expiresAt: instant });
      expect(fields(key)).toEqual([`expiresAt:${rule}`]);
    }
  });

  it('numbers are JSON integers in range: no fractions, strings, negatives or 1e309', async () => {
    const deal = { outcome: 'won', currency: 'EUR', closedAt: '2026-11-19T16:00:00Z', owner: 'person-sam' };
    const record = (amount: string) =>
      t
        .http()
        .post('/v1/deals/d-n/record')
        .set('Content-Type', 'application/json')
        .send(`{"amount":${amount},${JSON.stringify(deal).slice(1)}`);
    expect(fields(await record('1.5'))).toEqual(['amount:isInt']);
    expect(fields(await record('-1'))).toEqual(['amount:min']);
    expect(fields(await record('"100"'))).toEqual(expect.arrayContaining(['amount:isInt']));
    expect(fields(await record('1e309'))).toEqual(['amount:finite-number']);
    expect(fields(await record('9007199254740992'))).toEqual(['amount:max']);
    const set = (body: object) =>
      t
        .http()
        .post('/v1/shared-goals/2026-11/set')
        .send({ ...goal, ...body });
    expect(fields(await set({ revenueTarget: 0 }))).toEqual(['revenueTarget:min']);
    expect(fields(await set({ leadFollowUpSlaHours: 1.5 }))).toEqual(['leadFollowUpSlaHours:isInt']);
    for (const minPosition of ['1.5', '1e3', '-1', 'abc', '0x10', '']) {
      const read = await t.http().get('/v1/objections/gaps').query({ minPosition });
      expect([read.status, fields(read).map((f) => f.split(':')[0])]).toEqual([
        400,
        expect.arrayContaining(['minPosition']),
      ]);
    }
    const page = await t.http().get('/v1/streams/roster/events?fromRevision=1e3');
    expect(fields(page)).toEqual(expect.arrayContaining(['fromRevision:isInt']));
  });

  it('a subject is exactly one of its kinds: fields of another kind are unknown, the kind must be one', async () => {
    const celebrate = (subject: object) =>
      t.http().post('/v1/celebrations/c-kind/celebrate').send({ subject, attendees });
    expect(fields(await celebrate({ kind: 'goal', period: '2026-Q4', dealIds: ['d'] }))).toEqual([
      'subject.dealIds:unknown-field',
    ]);
    expect(fields(await celebrate({ kind: 'party' }))).toEqual(['subject.kind:isIn']);
    expect(fields(await celebrate({ kind: 'goal', period: '9999-Q4' }))).toEqual(['subject.period:period']);
    const open = (subject: object) =>
      t.http().post('/v1/retros/r-kind/open').send({ subject, facilitator: 'person-mia' });
    expect(fields(await open({ kind: 'period', period: '0000-01' }))).toEqual(['subject.period:period']);
    expect(fields(await open({ kind: 'deal', campaignId: 'c' }))).toEqual(
      expect.arrayContaining(['subject.campaignId:unknown-field', 'subject.dealId:matches']),
    );
    expect((await open({ kind: 'deal', dealId: 'deal-acme' })).status).toBe(201);
  });
});

describe('the request side of the OpenAPI document', () => {
  type Schema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  let doc: {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string; in: string; schema: Record<string, unknown> }[] }>
    >;
    components: { schemas: Record<string, Schema> };
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', {
      LEDGER_OBJECTION_CATEGORIES: 'price,fit',
      LEDGER_LEAD_REJECTION_REASONS: 'no-budget,spam',
      LEDGER_CURRENCY: 'USD',
    });
    doc = (await t.http().get('/docs-json')).body;
  });
  afterAll(() => t.close());
  const property = (schema: string, name: string) => doc.components.schemas[schema].properties[name];

  it('lists the configured taxonomies and currency as enums', () => {
    expect(property('LogObjectionDto', 'category').enum).toEqual(['price', 'fit']);
    expect(property('RecordDealDto', 'objectionCategories').items).toMatchObject({ enum: ['price', 'fit'] });
    expect(property('HoldHuddleDto', 'objectionCategoriesDiscussed').items).toMatchObject({
      enum: ['price', 'fit'],
    });
    expect(property('RejectLeadDto', 'reasonCode').enum).toEqual(['no-budget', 'spam']);
    expect(property('RecordDealDto', 'currency').enum).toEqual(['USD']);
    expect(property('SetSharedGoalDto', 'currency').enum).toEqual(['USD']);
  });

  it('declares integers, ranges of dates and instants, and the subjects as discriminated unions', () => {
    expect(property('RecordDealDto', 'amount')).toMatchObject({ type: 'integer', minimum: 0 });
    expect(property('SetSharedGoalDto', 'revenueTarget')).toMatchObject({ type: 'integer', minimum: 1 });
    expect(property('ActionItemDto', 'dueDate')).toMatchObject({
      format: 'date',
      'x-formatMinimum': '1970-01-01',
      'x-formatMaximum': '2199-12-31',
    });
    expect(property('HoldHuddleDto', 'heldAt')).toMatchObject({
      format: 'date-time',
      'x-formatMinimum': '1970-01-01T00:00:00.000Z',
      'x-formatMaximum': '2199-12-31T23:59:59.999Z',
    });
    expect(property('AddressObjectionDto', 'url')).toMatchObject({ format: 'uri' });
    expect(property('CelebrateWinDto', 'subject')).toMatchObject({
      oneOf: [
        { $ref: '#/components/schemas/GoalCelebrationSubjectDto' },
        { $ref: '#/components/schemas/DealsCelebrationSubjectDto' },
      ],
      discriminator: { propertyName: 'kind' },
    });
    expect(
      Object.keys((property('OpenRetroDto', 'subject').discriminator as { mapping: object }).mapping),
    ).toEqual(['campaign', 'deal', 'period']);
  });

  it('gives every path parameter and integer query parameter its rule', () => {
    const params = Object.values(doc.paths).flatMap((path) =>
      Object.values(path).flatMap((operation) => operation.parameters ?? []),
    );
    const ids = params.filter(
      (p) => p.in === 'path' && /(Id)$/.test(p.name) && !['keyId', 'streamId'].includes(p.name),
    );
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect([id.name, id.schema.pattern]).toEqual([id.name, '^[A-Za-z0-9._:-]{1,64}$']);
    // In paths (GetScorecard, GetScorecardEvidence, GetLateFacts, SetSharedGoal) and queries (ListCampaigns, ListRetros).
    const periods = params.filter((p) => p.name === 'period');
    expect(periods.map((p) => p.in).sort()).toEqual(['path', 'path', 'path', 'path', 'query', 'query']);
    for (const period of periods) expect(period.schema.pattern).toContain('19[7-9]');
    for (const name of ['minPosition', 'fromRevision', 'limit']) {
      expect(params.filter((p) => p.name === name).every((p) => p.schema.type === 'integer')).toBe(true);
    }
  });
});
