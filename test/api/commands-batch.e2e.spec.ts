import { findChainBreak } from '#event-store';
import {
  type TestApp,
  backends,
  campaignBrief,
  defaultRoster,
  objection,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

const BATCH = '/v1/commands:batch';

type Item = Record<string, unknown>;
const item = (operation: string, path: Item, body: object, extra: Item = {}): Item => ({
  operation,
  path,
  body,
  ...extra,
});
const logItem = (objectionId: string, body: object = objection(), extra: Item = {}) =>
  item('LogObjection', { objectionId }, body, extra);
const retroBody = { subject: { kind: 'period', period: '2026-W47' }, facilitator: 'person-mia' };
const openItem = (retroId: string) => item('OpenRetro', { retroId }, retroBody);
const noteBody = (noteId: string) => ({
  noteId,
  column: 'learning',
  text: `Seen ${noteId}`,
  author: 'person-sam',
});
const noteItem = (retroId: string, noteId: string, extra: Item = {}) =>
  item('AddRetroNote', { retroId }, noteBody(noteId), extra);
const launchItem = (campaignId: string, body: object = campaignBrief()) =>
  item('LaunchCampaign', { campaignId }, body);
const registerItem = (personId: string) =>
  item('RegisterTeamMember', { personId }, { displayName: `Name of ${personId}`, team: 'sales' });

const ndjson = (lines: unknown[]) => lines.map((line) => JSON.stringify(line)).join('\n');

describe.each(backends)('ExecuteCommands: POST /v1/commands:batch (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { LEDGER_BATCH_MAX_COMMANDS: '5' });
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  const post = (items: unknown) =>
    t
      .http()
      .post(BATCH)
      .send(items as object);
  const statuses = (response: { body: { results: { status: number }[] } }) =>
    response.body.results.map((result) => result.status);
  const eventsOf = async (streamId: string) => (await t.store.readStream(streamId)).map((e) => e.type);

  it('runs each item as its single endpoint would, in order, and answers one result per item', async () => {
    const response = await post([logItem('b-ok-1'), logItem('b-ok-2', objection({ dealId: 'deal-7' }))]);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ succeeded: 2, failed: 0 });
    const [first, second] = response.body.results;
    expect(first).toEqual({
      index: 0,
      operation: 'LogObjection',
      status: 201,
      replayed: false,
      etag: '"0"',
      location: '/v1/streams/objection-b-ok-1/events',
      result: {
        commandId: expect.stringMatching(/^derived:[0-9a-f]{64}$/),
        streamId: 'objection-b-ok-1',
        streamRevision: 0,
        globalPosition: expect.any(Number),
        events: [expect.objectContaining({ type: 'ObjectionLogged', streamRevision: 0 })],
      },
    });
    expect(second).toMatchObject({ index: 1, status: 201, result: { streamId: 'objection-b-ok-2' } });
    expect(second.result.globalPosition).toBe(first.result.globalPosition + 1);
    const read = await t.http().get('/v1/streams/objection-b-ok-2/events');
    expect(read.body.events).toEqual([
      expect.objectContaining({
        type: 'ObjectionLogged',
        data: expect.objectContaining({ dealId: 'deal-7' }),
      }),
    ]);
  });

  it('decides two items on one stream in order, the second against the state the first produced', async () => {
    const response = await post([
      openItem('b-retro'),
      noteItem('b-retro', 'n-1'),
      registerItem('person-new'),
      logItem('b-heard-new', objection({ heardBy: 'person-new' })),
    ]);
    expect(statuses(response)).toEqual([201, 201, 201, 201]);
    expect(response.body.results[1]).toMatchObject({ etag: '"1"', result: { streamRevision: 1 } });
    expect(await eventsOf('retro-b-retro')).toEqual(['RetroOpened', 'RetroNoteAdded']);
    expect(await eventsOf('objection-b-heard-new')).toEqual(['ObjectionLogged']);
  });

  it('runs items in the order given: a rep logged before being registered is refused', async () => {
    const response = await post([
      logItem('b-too-early', objection({ heardBy: 'person-later' })),
      registerItem('person-later'),
    ]);
    expect(statuses(response)).toEqual([422, 201]);
    expect(await eventsOf('objection-b-too-early')).toEqual([]);
  });

  it('a failing item never stops the others: it writes nothing, the rest are written', async () => {
    const launched = await t.http().post('/v1/campaigns/b-dup/launch').send(campaignBrief());
    expect(launched.status).toBe(201);
    const single = await t
      .http()
      .post('/v1/campaigns/b-dup/launch')
      .send(campaignBrief({ name: 'Again' }));
    const response = await post([
      logItem('b-mix-1'),
      logItem('b-mix-bad-type', objection({ text: 123 })),
      logItem('bad id!'),
      { operation: 'Nonsense', path: {}, body: {} },
      launchItem('b-dup', campaignBrief({ name: 'Again' })),
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ succeeded: 1, failed: 4 });
    const [ok, badType, badPath, unknown, refused] = response.body.results;
    expect(ok).toMatchObject({ index: 0, status: 201 });
    expect(badType).toMatchObject({
      index: 1,
      operation: 'LogObjection',
      status: 400,
      problem: { status: 400 },
    });
    expect(badType).not.toHaveProperty('result');
    expect(badType.problem.errors).toContainEqual(
      expect.objectContaining({ field: expect.stringMatching(/text$/) }),
    );
    expect(badPath).toMatchObject({ index: 2, status: 400 });
    expect(badPath.problem.errors).toContainEqual(
      expect.objectContaining({ field: expect.stringMatching(/objectionId$/) }),
    );
    expect(unknown).toMatchObject({ index: 3, status: 400 });
    expect(unknown.problem.errors).toContainEqual(
      expect.objectContaining({ field: expect.stringMatching(/operation$/) }),
    );
    // The decider's refusal, as the single endpoint answered it.
    expect(refused).toMatchObject({ index: 4, operation: 'LaunchCampaign', status: single.status });
    const { type, title, status, detail } = single.body;
    expect(refused.problem).toMatchObject({ type, title, status, detail });
    expect(await eventsOf('objection-b-mix-1')).toEqual(['ObjectionLogged']);
    expect(await eventsOf('objection-b-mix-bad-type')).toEqual([]);
    expect(await eventsOf('campaign-b-dup')).toEqual(['CampaignLaunched']);
  });

  it('checks ifMatch per item: a revision the stream moved past is that item’s 412', async () => {
    await post([openItem('b-pinned')]);
    const response = await post([
      noteItem('b-pinned', 'p-1', { ifMatch: '"0"' }),
      noteItem('b-pinned', 'p-2', { ifMatch: '"0"' }),
      noteItem('b-pinned', 'p-3', { ifMatch: '"1"' }),
      noteItem('b-pinned', 'p-4', { ifMatch: '3' }),
    ]);
    expect(statuses(response)).toEqual([201, 412, 201, 400]);
    expect(response.body.results[1].problem).toMatchObject({
      type: '/problems/precondition-failed',
      expectedRevision: 0,
      actualRevision: 1,
    });
    const notes = (await t.store.readStream('retro-b-pinned')).map((e) => e.data.noteId);
    expect(notes).toEqual([undefined, 'p-1', 'p-3']);
  });

  it('replays items whose idempotencyKey and body were used before, by the batch or the single endpoint', async () => {
    const single = await t
      .http()
      .post('/v1/objections/b-idem-1/log')
      .set('Idempotency-Key', 'b-key-1')
      .send(objection());
    expect(single.status).toBe(201);
    const head = await t.store.headPosition();
    const response = await post([
      logItem('b-idem-1', objection(), { idempotencyKey: 'b-key-1' }),
      logItem('b-idem-2', objection(), { idempotencyKey: 'b-key-2' }),
      logItem('b-idem-2', objection(), { idempotencyKey: 'b-key-2' }),
      logItem('b-idem-1', objection({ text: 'Another body' }), { idempotencyKey: 'b-key-1' }),
    ]);
    const [replayed, fresh, twin, misuse] = response.body.results;
    expect(replayed).toMatchObject({ status: 201, replayed: true, etag: '"0"' });
    expect(replayed.result).toEqual(single.body);
    expect(fresh).toMatchObject({ status: 201, replayed: false, result: { commandId: 'b-key-2' } });
    expect(twin).toMatchObject({ status: 201, replayed: true, result: fresh.result });
    expect(misuse).toMatchObject({ status: 422, problem: { status: 422 } });
    expect(await t.store.headPosition()).toBe(head + 1);
    expect(await eventsOf('objection-b-idem-1')).toEqual(['ObjectionLogged']);
  });

  it('the same batch posted twice appends nothing the second time: every result is replayed', async () => {
    const items = [openItem('b-twice'), noteItem('b-twice', 't-1', { ifMatch: '"0"' }), logItem('b-twice')];
    const first = await post(items);
    expect(first.body).toMatchObject({ succeeded: 3, failed: 0 });
    const head = await t.store.headPosition();
    const again = await post(items);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ succeeded: 3, failed: 0 });
    for (const [n, result] of again.body.results.entries()) {
      expect(result).toMatchObject({ status: 201, replayed: true, result: first.body.results[n].result });
    }
    expect(await t.store.headPosition()).toBe(head);
  });

  it('accepts NDJSON, one item per line, blank lines ignored', async () => {
    const body = `\n${ndjson([logItem('b-nd-1')])}\n\n${ndjson([logItem('b-nd-2')])}\n`;
    const response = await t.http().post(BATCH).set('Content-Type', 'application/x-ndjson').send(body);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.results.map((r: { index: number; status: number }) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 201],
    ]);
    expect(await eventsOf('objection-b-nd-2')).toEqual(['ObjectionLogged']);
  });

  it('refuses the whole request for a body that is not a list of items, and writes nothing', async () => {
    const problemOf = async (response: { status: number; headers: Record<string, string> }) => {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      return response.status;
    };
    expect(await problemOf(await post(logItem('b-whole-1')))).toBe(400);
    expect(await problemOf(await post([]))).toBe(400);
    const badLine = `${ndjson([logItem('b-whole-2')])}\n{"operation": nope\n`;
    const ndResponse = await t.http().post(BATCH).set('Content-Type', 'application/x-ndjson').send(badLine);
    expect(await problemOf(ndResponse)).toBe(400);
    expect(JSON.stringify(ndResponse.body)).toMatch(/line\D{0,20}\b2\b/i);
    const text = await t.as(t.adminKey).post(BATCH).set('Content-Type', 'text/plain').send('[]');
    expect(await problemOf(text)).toBe(415);
    const form = await t.as(t.adminKey).post(BATCH).type('form').send({ operation: 'LogObjection' });
    expect(await problemOf(form)).toBe(415);
    expect(await eventsOf('objection-b-whole-1')).toEqual([]);
    expect(await eventsOf('objection-b-whole-2')).toEqual([]);
  });

  it('answers 404 for any other verb the route could take for a parameter (commands:purge, commandsx)', async () => {
    for (const path of ['/v1/commands:purge', '/v1/commandsx']) {
      const response = await t.http().post(path).send({ operation: 'LogObjection' });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('takes LEDGER_BATCH_MAX_COMMANDS items, and refuses one more saying the limit', async () => {
    const ids = [1, 2, 3, 4, 5, 6].map((n) => `b-limit-${n}`);
    const over = await post(ids.map((id) => logItem(id)));
    expect([400, 413]).toContain(over.status);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(over.body)).toMatch(/\b5\b/);
    expect(await eventsOf('objection-b-limit-1')).toEqual([]);
    const full = await post(ids.slice(0, 5).map((id) => logItem(id)));
    expect(full.body).toMatchObject({ succeeded: 5, failed: 0 });
  });

  it('checks each item against its own operation’s scope; read only is 403, no key 401', async () => {
    const created = await t
      .http()
      .post('/v1/api-keys')
      .send({ name: 'objections-only', scopes: ['commands:objections'] });
    const reader = await t
      .http()
      .post('/v1/api-keys')
      .send({ name: 'reader', scopes: ['read'] });
    const items = [logItem('b-scoped'), launchItem('b-scoped')];
    const as = (key: string | null) => t.as(key).post(BATCH).set('Content-Type', 'application/json');
    const narrowed = await as(created.body.secret).send(items);
    expect(narrowed.status).toBe(200);
    expect(statuses(narrowed)).toEqual([201, 403]);
    expect(narrowed.body.results[1].problem).toMatchObject({ type: '/problems/insufficient-scope' });
    const [event] = await t.store.readStream('objection-b-scoped');
    expect(event.metadata.principal).toMatchObject({ kind: 'api-key', id: created.body.key.id });
    expect(await eventsOf('campaign-b-scoped')).toEqual([]);
    expect((await as(reader.body.secret).send([logItem('b-read-only')])).status).toBe(403);
    expect((await as(null).send([logItem('b-no-key')])).status).toBe(401);
    expect(await eventsOf('objection-b-read-only')).toEqual([]);
    expect(await eventsOf('objection-b-no-key')).toEqual([]);
  });
});

const modes: [string, NodeJS.ProcessEnv][] = [
  ...backends.map((backend): [string, NodeJS.ProcessEnv] => [backend, {}]),
  ['pglite', { LEDGER_GROUP_COMMIT: 'off' }],
];

describe.each(modes)('group commit of concurrent single commands (%s, %j)', (backend, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend as (typeof backends)[number], env);
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  const log = (id: string) => t.http().post(`/v1/objections/${id}/log`).send(objection());
  const note = (retroId: string, noteId: string, headers: Record<string, string> = {}) =>
    t.http().post(`/v1/retros/${retroId}/add-note`).set(headers).send(noteBody(noteId));
  const open = (retroId: string) => t.http().post(`/v1/retros/${retroId}/open`).send(retroBody);

  it('40 commands on distinct streams and 8 on one shared stream at once: all 201, revisions gap-free', async () => {
    expect((await open('gc-shared')).status).toBe(201);
    const ids = Array.from({ length: 40 }, (_, n) => `gc-${n}`);
    const notes = Array.from({ length: 8 }, (_, n) => `note-${n}`);
    const responses = await Promise.all([...ids.map(log), ...notes.map((id) => note('gc-shared', id))]);
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((r) => r.body.globalPosition)).size).toBe(48);
    const shared = await t.store.readStream('retro-gc-shared');
    expect(shared.map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(
      responses
        .slice(40)
        .map((r) => r.body.streamRevision)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const id of ids) expect(await t.store.readStream(`objection-${id}`)).toHaveLength(1);
    expect(findChainBreak(await t.store.readAll({ afterPosition: 0 }))).toBeNull();
  });

  it('in a burst, only the refused command and the stale If-Match fail; all others are stored', async () => {
    expect((await t.http().post('/v1/campaigns/gc-dup/launch').send(campaignBrief())).status).toBe(201);
    expect((await open('gc-burst')).status).toBe(201);
    expect((await note('gc-burst', 'first')).status).toBe(201);
    const ids = Array.from({ length: 20 }, (_, n) => `gc-burst-${n}`);
    const [refused, stale, ...rest] = await Promise.all([
      t
        .http()
        .post('/v1/campaigns/gc-dup/launch')
        .send(campaignBrief({ name: 'Twice' })),
      note('gc-burst', 'stale', { 'If-Match': '"0"' }),
      ...ids.map(log),
      ...['a', 'b', 'c', 'd'].map((id) => note('gc-burst', id)),
    ]);
    expect([refused.status, stale.status]).toEqual([409, 412]);
    expect(stale.body).toMatchObject({ expectedRevision: 0 });
    expect(rest.map((r) => r.status)).toEqual(rest.map(() => 201));
    for (const id of ids) expect(await t.store.readStream(`objection-${id}`)).toHaveLength(1);
    expect(await t.store.readStream('campaign-gc-dup')).toHaveLength(1);
    const noteIds = (await t.store.readStream('retro-gc-burst')).slice(1).map((e) => String(e.data.noteId));
    expect(noteIds.sort()).toEqual(['a', 'b', 'c', 'd', 'first']);
    const all = await t.store.readAll({ afterPosition: 0 });
    expect(all.map((e) => e.globalPosition)).toEqual(all.map((_, i) => i + 1));
    expect(findChainBreak(all)).toBeNull();
  });
});
