import { PersonalDataVault, type RecordedEvent, findChainBreak } from '#event-store';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

interface Member {
  personId: string;
  team: 'sales' | 'marketing';
  onRosterSince: string;
  removedAt: string | null;
  forgotten: boolean;
  displayName?: string | null;
}

/** The same instant in one spelling, whatever precision or offset the service answers with. */
const iso = (time: string | null) => (time === null ? null : new Date(time).toISOString());

const brief = {
  name: 'Forgetting bundle',
  offer: 'Bundle discount',
  channels: ['email'],
  audience: 'SMB',
  talkingPoints: ['Save 15%'],
};

describe.each(backends)('the roster read model and forgetting a person (%s)', (backend) => {
  let t: TestApp;
  let vault: PersonalDataVault;
  /** read only; read + personal-data; read + commands:write; personal-data only. */
  let reader: string;
  let namesReader: string;
  let writer: string;
  let eraser: string;

  const newKey = async (name: string, scopes: string[]) => {
    const created = await t.http().post('/v1/api-keys').send({ name, scopes });
    if (created.status !== 201) throw new Error(`creating key ${name}: ${created.text}`);
    return (created.body as { secret: string }).secret;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    vault = new PersonalDataVault(t.database);
    await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales' });
    reader = await newKey('bi-dashboard', ['read']);
    namesReader = await newKey('hr-directory', ['read', 'personal-data']);
    writer = await newKey('crm-sync', ['read', 'commands:write']);
    eraser = await newKey('privacy-officer', ['personal-data']);
  });
  afterAll(() => t.close());

  const post = async (path: string, body: object, status = 201) => {
    const response = await t.http().post(path).send(body);
    if (response.status !== status)
      throw new Error(`${path}: expected ${status}, got ${response.status} ${response.text}`);
    return response;
  };
  const register = (personId: string, displayName: string, team: string, occurredAt?: string) =>
    post(`/v1/team-members/${personId}/register`, {
      displayName,
      team,
      ...(occurredAt ? { occurredAt } : {}),
    });
  const remove = (personId: string, occurredAt?: string) =>
    post(`/v1/team-members/${personId}/remove`, occurredAt ? { occurredAt } : {});
  const forget = (personId: string, body: object = {}, key = t.adminKey) =>
    t.as(key).post(`/v1/team-members/${personId}/forget`).set('Content-Type', 'application/json').send(body);

  /** The roster as a caller with this key sees it, once it has caught up with `minPosition`. */
  const roster = async (key: string, minPosition: number) => {
    const response = await t.as(key).get(`/v1/team-members?minPosition=${minPosition}`);
    expect(response.status).toBe(200);
    return { text: response.text, members: (response.body as { members: Member[] }).members };
  };
  const entriesOf = (members: Member[], personId: string) => members.filter((m) => m.personId === personId);
  const entryOf = (members: Member[], personId: string) => {
    const [entry, ...more] = entriesOf(members, personId);
    expect({ personId, entries: more.length + (entry ? 1 : 0) }).toEqual({ personId, entries: 1 });
    return entry;
  };
  const times = (m: Member) => ({ ...m, onRosterSince: iso(m.onRosterSince), removedAt: iso(m.removedAt) });

  /** Every name ever sealed for the person, from their TeamMemberRegistered events in the log. */
  const sealedNamesOf = async (personId: string) =>
    (await t.store.readAll())
      .filter((e) => e.type === 'TeamMemberRegistered' && e.data.personId === personId)
      .map((e) => String(e.data.sealedDisplayName));
  const openAll = async (personId: string, tokens: string[]) =>
    Promise.all(tokens.map((token) => vault.open(personId, token)));

  const expectProblem = (
    response: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
    code?: string,
  ) => {
    expect({ status: response.status, body: response.body }).toMatchObject({
      status,
      body: { status, ...(code ? { type: `/problems/${code}` } : {}) },
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  describe('GET /v1/team-members', () => {
    it('lists everyone ever registered once, with business times; names only for personal-data callers', async () => {
      await register('ros-kim', 'Kim Rosterlind', 'sales', '2026-11-16T08:00:00Z');
      await register('ros-lou', 'Lou Abernathy-Roster', 'marketing', '2026-11-16T09:00:00+01:00');
      await register('ros-max', 'Max Twiceregistered', 'sales', '2026-11-16T08:30:00Z');
      await remove('ros-lou', '2026-11-17T10:00:00Z');
      await remove('ros-max', '2026-11-17T09:00:00Z');
      const last = await register('ros-max', 'Max Twiceregistered', 'marketing', '2026-11-18T11:00:00Z');
      expect(typeof last.body.globalPosition).toBe('number');
      const names = ['Kim Rosterlind', 'Lou Abernathy-Roster', 'Max Twiceregistered'];

      const plain = await roster(reader, last.body.globalPosition);
      const expected = {
        'ros-kim': { team: 'sales', onRosterSince: '2026-11-16T08:00:00.000Z', removedAt: null },
        'ros-lou': {
          team: 'marketing',
          onRosterSince: '2026-11-16T08:00:00.000Z',
          removedAt: '2026-11-17T10:00:00.000Z',
        },
        // The latest registration counts: back on the roster, on another team.
        'ros-max': { team: 'marketing', onRosterSince: '2026-11-18T11:00:00.000Z', removedAt: null },
      };
      for (const [personId, entry] of Object.entries(expected)) {
        const member = entryOf(plain.members, personId);
        expect(times(member)).toMatchObject({ personId, ...entry, forgotten: false });
        expect(member).not.toHaveProperty('displayName');
      }
      // Everyone registered through the harness too, each once.
      entryOf(plain.members, 'person-mia');
      entryOf(plain.members, 'person-sam');
      for (const name of names) expect(plain.text).not.toContain(name);

      for (const key of [namesReader, t.adminKey]) {
        const named = await roster(key, last.body.globalPosition);
        expect(entryOf(named.members, 'ros-kim').displayName).toBe('Kim Rosterlind');
        expect(entryOf(named.members, 'ros-lou').displayName).toBe('Lou Abernathy-Roster');
        expect(entryOf(named.members, 'ros-max').displayName).toBe('Max Twiceregistered');
        expect(times(entryOf(named.members, 'ros-lou'))).toMatchObject({
          ...expected['ros-lou'],
          forgotten: false,
        });
      }
    });

    it('needs the read scope: 401 without a key, 403 for a key with personal-data alone', async () => {
      expectProblem(await t.as(null).get('/v1/team-members'), 401);
      expectProblem(await t.as(eraser).get('/v1/team-members'), 403);
    });
  });

  describe('POST /v1/team-members/{personId}/forget', () => {
    it('destroys nothing when the request is refused: a stale If-Match is a 412 and the name still opens', async () => {
      const registered = await register('fgt-stale', 'Stale Precondition Person', 'sales');
      const tokens = await sealedNamesOf('fgt-stale');
      const stale = await forget('fgt-stale').set('If-Match', '"0"');
      expectProblem(stale, 412, 'precondition-failed');
      expect(await openAll('fgt-stale', tokens)).toEqual(['Stale Precondition Person']);
      const { members } = await roster(namesReader, registered.body.globalPosition);
      expect(entryOf(members, 'fgt-stale')).toMatchObject({
        forgotten: false,
        displayName: 'Stale Precondition Person',
      });
    });

    it('destroys the person’s key, appends TeamMemberForgotten without a name, leaves earlier events untouched and the name nowhere', async () => {
      const name = 'Rae Forgettable-Marchetti';
      // Registered, removed and registered again: two names sealed for her.
      await register('fgt-rae', name, 'sales', '2026-11-16T08:00:00Z');
      await remove('fgt-rae', '2026-11-16T09:00:00Z');
      await register('fgt-rae', name, 'sales', '2026-11-16T10:00:00Z');
      // Facts that name her, in every read model.
      await post('/v1/campaigns/fgt-bundle/propose', {
        ...brief,
        plannedLaunchDate: '2026-11-18',
        proposedBy: 'person-mia',
        occurredAt: '2026-11-17T08:00:00Z',
      });
      await post('/v1/campaigns/fgt-bundle/review', {
        reviewedBy: 'fgt-rae',
        verdict: 'concerns',
        reasons: 'Clashes with the renewal offer',
        occurredAt: '2026-11-17T09:00:00Z',
      });
      await post('/v1/campaigns/fgt-bundle/launch', {
        ...brief,
        launchedBy: 'person-mia',
        occurredAt: '2026-11-17T10:00:00Z',
      });
      await post('/v1/campaigns/fgt-bundle/acknowledge-briefing', {
        acknowledgedBy: 'fgt-rae',
        occurredAt: '2026-11-17T11:00:00Z',
      });
      await post('/v1/campaigns/fgt-bundle/report-blindside', {
        reportedBy: 'fgt-rae',
        customerReference: 'hooli',
        note: 'The customer asked before I knew',
        occurredAt: '2026-11-17T12:00:00Z',
      });
      await post('/v1/objections/fgt-o1/log', {
        category: 'price',
        text: 'Above the competitor quote',
        heardBy: 'fgt-rae',
        campaignId: 'fgt-bundle',
        occurredAt: '2026-11-18T09:00:00Z',
      });
      const deal = await post('/v1/deals/fgt-d1/record', {
        outcome: 'won',
        amount: 120_000,
        currency: 'EUR',
        closedAt: '2026-11-19T10:00:00Z',
        owner: 'fgt-rae',
        campaignIds: ['fgt-bundle'],
      });

      const tokens = await sealedNamesOf('fgt-rae');
      expect(tokens).toHaveLength(2);
      expect(await openAll('fgt-rae', tokens)).toEqual([name, name]);
      const named = await roster(t.adminKey, deal.body.globalPosition);
      expect(entryOf(named.members, 'fgt-rae')).toMatchObject({ forgotten: false, displayName: name });
      const before = await t.store.readAll();

      const forgot = await forget('fgt-rae');
      expect(forgot.status).toBe(201);
      expect(typeof forgot.body.globalPosition).toBe('number');

      // 1. Her key is gone: neither sealed name opens any more.
      expect(await openAll('fgt-rae', tokens)).toEqual([null, null]);

      // 3. One TeamMemberForgotten on the roster stream, naming her id and no name; the rest as it was.
      const after = await t.store.readAll();
      expect(after).toHaveLength(before.length + 1);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(findChainBreak(after)).toBeNull();
      const forgotten = after[after.length - 1] as RecordedEvent;
      expect(forgotten).toMatchObject({
        type: 'TeamMemberForgotten',
        streamId: 'roster',
        globalPosition: forgot.body.globalPosition,
        data: { personId: 'fgt-rae' },
      });
      expect(Object.keys(forgotten.data).filter((field) => /name/i.test(field))).toEqual([]);
      expect(JSON.stringify(forgotten)).not.toContain(name);

      // 2. The roster: forgotten, no name even for personal-data callers, off the roster.
      const at = forgot.body.globalPosition;
      for (const key of [t.adminKey, namesReader]) {
        const member = entryOf((await roster(key, at)).members, 'fgt-rae');
        expect(member).toMatchObject({ team: 'sales', forgotten: true, displayName: null });
        expect(member.removedAt).toEqual(expect.any(String));
        expect(Date.parse(String(member.removedAt))).toBeGreaterThanOrEqual(
          Date.parse('2026-11-16T10:00:00Z'),
        );
        expect(iso(member.onRosterSince)).toBe('2026-11-16T10:00:00.000Z');
      }
      const plain = entryOf((await roster(reader, at)).members, 'fgt-rae');
      expect(plain).toMatchObject({ forgotten: true });
      expect(plain).not.toHaveProperty('displayName');

      // … and her name is in no read-model answer nor any stream read, whoever asks.
      const reads = [
        `/v1/team-members?minPosition=${at}`,
        `/v1/scorecards/2026-W47?minPosition=${at}`,
        `/v1/scorecards/2026-11?minPosition=${at}`,
        `/v1/alignment-health?minPosition=${at}`,
        `/v1/objections/gaps?minPosition=${at}`,
        `/v1/campaigns/fgt-bundle?minPosition=${at}`,
      ];
      const streams = ['roster', 'campaign-fgt-bundle', 'objection-fgt-o1', 'deal-fgt-d1'].map(
        (stream) => `/v1/streams/${stream}/events?limit=1000`,
      );
      const asked = [
        ...[t.adminKey, namesReader, reader].flatMap((key) => reads.map((path) => ({ key, path }))),
        // Streams need audit, which only the admin key has here.
        ...streams.map((path) => ({ key: t.adminKey, path })),
      ];
      for (const { key, path } of asked) {
        const response = await t.as(key).get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        expect({ path, leaks: response.text.includes(name) }).toEqual({ path, leaks: false });
      }
      // The facts that named her are still there, under her id.
      const campaign = await t.http().get(`/v1/campaigns/fgt-bundle?minPosition=${at}`);
      expect(campaign.body).toMatchObject({ reviews: [{ reviewedBy: 'fgt-rae' }] });
      const stream = await t.http().get('/v1/streams/roster/events?limit=1000');
      expect(stream.body.events.at(-1)).toMatchObject({
        type: 'TeamMemberForgotten',
        data: { personId: 'fgt-rae' },
      });
    });

    it('takes an occurredAt as business time, like any command', async () => {
      await register('fgt-ike', 'Ike Businesstime', 'marketing', '2026-11-16T08:00:00Z');
      const forgot = await forget('fgt-ike', { occurredAt: '2026-11-20T11:00:00+01:00' });
      expect(forgot.status).toBe(201);
      const [event] = await t.store.readAll({ afterPosition: forgot.body.globalPosition - 1, maxCount: 1 });
      expect(event).toMatchObject({ type: 'TeamMemberForgotten', data: { personId: 'fgt-ike' } });
      expect(iso(event.metadata.occurredAt)).toBe('2026-11-20T10:00:00.000Z');
      const member = entryOf((await roster(t.adminKey, forgot.body.globalPosition)).members, 'fgt-ike');
      expect(member).toMatchObject({ forgotten: true, displayName: null });
      expect(member.removedAt).toEqual(expect.any(String));
    });

    it('4. refuses to register a forgotten id again with 409 person-forgotten, appending nothing', async () => {
      await register('fgt-ned', 'Ned Neveragain', 'sales');
      expect((await forget('fgt-ned')).status).toBe(201);
      const head = await t.store.headPosition();
      // New commands, each with its own Idempotency-Key: not a retry of the first registration.
      for (const team of ['sales', 'marketing']) {
        const again = await t
          .http()
          .post('/v1/team-members/fgt-ned/register')
          .set('Idempotency-Key', `ned-again-${team}`)
          .send({ displayName: 'Ned Neveragain', team });
        expectProblem(again, 409, 'person-forgotten');
      }
      expect(await t.store.headPosition()).toBe(head);
      const member = entryOf((await roster(t.adminKey, head)).members, 'fgt-ned');
      expect(member).toMatchObject({ forgotten: true, displayName: null });
      expect(JSON.stringify(await t.store.readAll())).not.toContain('Ned Neveragain');
    });

    it('5. is a 409 person-forgotten the second time (a retry replays the first answer), 409 person-not-registered for a stranger, 400 for a bad id; none appends', async () => {
      await register('fgt-oz', 'Oz Twiceforgotten', 'sales');
      const first = await forget('fgt-oz');
      expect(first.status).toBe(201);
      const head = await t.store.headPosition();
      // The same request again, without a key, is a retry (recognised by its content): the first answer.
      const retry = await forget('fgt-oz');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      // A second forget, as a command of its own, is refused.
      const again = await t
        .http()
        .post('/v1/team-members/fgt-oz/forget')
        .set('Idempotency-Key', 'forget-oz-again')
        .send({});
      expectProblem(again, 409, 'person-forgotten');
      expectProblem(await forget('fgt-oz', { occurredAt: '2026-11-30T10:00:00Z' }), 409, 'person-forgotten');
      expectProblem(await forget('never-registered'), 409, 'person-not-registered');
      const bad = await forget('bad%20id!');
      expectProblem(bad, 400);
      expect(await t.store.headPosition()).toBe(head);
      // A refused forget changes nothing: the stranger can still join the roster.
      await register('never-registered', 'Nia Latecomer', 'sales');
      const tokens = await sealedNamesOf('never-registered');
      expect(await openAll('never-registered', tokens)).toEqual(['Nia Latecomer']);
    });

    it('needs personal-data: 401 without a key, 403 for read + commands:write (which leaves the name readable), 201 for personal-data alone', async () => {
      await register('fgt-pam', 'Pam Scopechecked', 'sales');
      const tokens = await sealedNamesOf('fgt-pam');
      const head = await t.store.headPosition();

      expectProblem(await t.as(null).post('/v1/team-members/fgt-pam/forget').send({}), 401);
      expectProblem(await forget('fgt-pam', {}, writer), 403);
      expectProblem(await forget('fgt-pam', {}, reader), 403);
      expect(await t.store.headPosition()).toBe(head);
      expect(await openAll('fgt-pam', tokens)).toEqual(['Pam Scopechecked']);
      expect(entryOf((await roster(t.adminKey, head)).members, 'fgt-pam')).toMatchObject({
        forgotten: false,
        removedAt: null,
        displayName: 'Pam Scopechecked',
      });

      const forgot = await forget('fgt-pam', {}, eraser);
      expect(forgot.status).toBe(201);
      expect(await openAll('fgt-pam', tokens)).toEqual([null]);
      expect(
        entryOf((await roster(t.adminKey, forgot.body.globalPosition)).members, 'fgt-pam'),
      ).toMatchObject({ forgotten: true, displayName: null });
    });

    it('6. refuses facts naming a forgotten person as it refuses a removed one: 422 person-not-on-roster', async () => {
      await registerRoster(t, { 'gone-removed': 'sales', 'gone-forgotten': 'sales' });
      await remove('gone-removed');
      expect((await forget('gone-forgotten')).status).toBe(201);
      const head = await t.store.headPosition();
      const objection = (heardBy: string) =>
        t
          .http()
          .post(`/v1/objections/heard-by-${heardBy}/log`)
          .send({ category: 'price', text: 'Too expensive', heardBy });
      const removed = await objection('gone-removed');
      const forgotten = await objection('gone-forgotten');
      for (const response of [removed, forgotten]) {
        expectProblem(response, 422, 'person-not-on-roster');
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'heardBy' })]);
      }
      const deal = await t.http().post('/v1/deals/d-gone/record').send({
        outcome: 'won',
        amount: 100,
        currency: 'EUR',
        closedAt: '2026-11-20T10:00:00Z',
        owner: 'gone-forgotten',
      });
      expectProblem(deal, 422, 'person-not-on-roster');
      expect(await t.store.headPosition()).toBe(head);
    });

    it('7. forgets a person removed earlier: their removal time stays, the name is gone', async () => {
      await register('fgt-quinn', 'Quinn Leftearlier', 'marketing', '2026-11-16T08:00:00Z');
      await remove('fgt-quinn', '2026-11-16T10:00:00Z');
      const tokens = await sealedNamesOf('fgt-quinn');
      expect(await openAll('fgt-quinn', tokens)).toEqual(['Quinn Leftearlier']);
      const before = await t.store.readAll();

      const forgot = await forget('fgt-quinn', { occurredAt: '2026-11-20T10:00:00Z' });
      expect(forgot.status).toBe(201);
      expect(await openAll('fgt-quinn', tokens)).toEqual([null]);
      const after = await t.store.readAll();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length)).toMatchObject([
        { type: 'TeamMemberForgotten', streamId: 'roster', data: { personId: 'fgt-quinn' } },
      ]);
      expect(findChainBreak(after)).toBeNull();
      const { members, text } = await roster(t.adminKey, forgot.body.globalPosition);
      expect(times(entryOf(members, 'fgt-quinn'))).toMatchObject({
        team: 'marketing',
        onRosterSince: '2026-11-16T08:00:00.000Z',
        removedAt: '2026-11-16T10:00:00.000Z',
        forgotten: true,
        displayName: null,
      });
      expect(text).not.toContain('Quinn Leftearlier');
    });
  });
});
