import { randomUUID } from 'node:crypto';
import { schemaVersionOf } from '#domain';
import { type AppendRequest, type EventStore, anyState, connectPostgres } from '#event-store';
import { createTestPostgres } from '#testing';
import { EVENT_STORE } from '../../apps/ledger-api/src/event-store/event-store.module.js';
import { type TestApp, backends, defaultRoster, registerRoster, startTestApp } from '../support/test-app.js';

/** Writers on one stream: notes on one retro (a stream per retro, a note id per note). */
const openRetro = async (t: TestApp, retroId: string) => {
  const opened = await t
    .http()
    .post(`/v1/retros/${retroId}/open`)
    .send({ subject: { kind: 'period', period: '2026-W47' }, facilitator: 'person-mia' });
  expect(opened.status).toBe(201);
};

const addNote = (t: TestApp, retroId: string, noteId: string, headers: Record<string, string> = {}) =>
  t
    .http()
    .post(`/v1/retros/${retroId}/add-note`)
    .set(headers)
    .send({ noteId, column: 'learning', text: `What we saw in ${noteId}`, author: 'person-sam' });

/** Another writer's note, appended straight into the store (as another replica would). */
const rivalNote = (store: EventStore, retroId: string, noteId: string) => {
  const commandId = `${retroId}-${noteId}`;
  return store.append({
    streamId: `retro-${retroId}`,
    expectedState: anyState,
    command: { commandId, fingerprint: commandId },
    events: [
      {
        eventId: randomUUID(),
        type: 'RetroNoteAdded',
        schemaVersion: schemaVersionOf('RetroNoteAdded'),
        data: { retroId, noteId, column: 'kudos', text: 'The rival note', author: null },
        metadata: {
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: null,
          occurredAt: new Date().toISOString(),
        },
      },
    ],
  });
};

/**
 * Makes the service lose the race on its next `times` appends to the stream:
 * just before each, another writer's note lands. Deterministic, unlike timing.
 */
let rivals = 0;
const loseRaces = (t: TestApp, retroId: string, times: number) => {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const append = store.append.bind(store);
  let lost = 0;
  store.append = async (request: AppendRequest) => {
    if (request.streamId === `retro-${retroId}` && lost < times) {
      lost += 1;
      rivals += 1;
      await rivalNote(t.store, retroId, `rival-${rivals}`);
    }
    return append(request);
  };
  return { lost: () => lost, restore: () => (store.append = append) };
};

/** ledger_command_lost_races_total on /metrics. */
const lostRacesCounted = async (t: TestApp) =>
  Number(/^ledger_command_lost_races_total (\d+)$/m.exec((await t.http().get('/metrics')).text)?.[1]);

const notesOf = async (t: TestApp, retroId: string) => {
  const events = await t.store.readStream(`retro-${retroId}`);
  expect(events.map((e) => e.streamRevision)).toEqual(events.map((_, index) => index));
  return events.filter((e) => e.type === 'RetroNoteAdded').map((e) => String(e.data.noteId));
};

describe.each(backends)('writers on one hot stream (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerRoster(t, defaultRoster);
  });
  afterAll(() => t.close());

  it('32 clients adding a note to one retro at once without If-Match: all 201, the 32 notes in a gap-free order', async () => {
    await openRetro(t, 'hot');
    const ids = Array.from({ length: 32 }, (_, n) => `note-${n}`);
    const responses = await Promise.all(ids.map((id) => addNote(t, 'hot', id)));
    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 201));
    expect(new Set(responses.map((r) => r.body.streamRevision))).toEqual(new Set(ids.map((_, n) => n + 1)));
    expect((await notesOf(t, 'hot')).sort()).toEqual([...ids].sort());
  });

  it('a race lost to another writer is decided again against the new state: 201, never 409', async () => {
    await openRetro(t, 'raced');
    const counted = await lostRacesCounted(t);
    const races = loseRaces(t, 'raced', 3);
    try {
      const response = await addNote(t, 'raced', 'mine');
      expect(response.status).toBe(201);
      expect(races.lost()).toBe(3);
      expect(await lostRacesCounted(t)).toBe(counted + 3);
      expect(response.body.streamRevision).toBe(4);
    } finally {
      races.restore();
    }
    const rival = expect.stringMatching(/^rival-/);
    expect(await notesOf(t, 'raced')).toEqual([rival, rival, rival, 'mine']);
  });

  it('two clients with the same If-Match: one 201, the other 412 with the current revision and ETag', async () => {
    await openRetro(t, 'pinned');
    const [a, b] = await Promise.all(['a', 'b'].map((id) => addNote(t, 'pinned', id, { 'If-Match': '"0"' })));
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect([won.status, lost.status]).toEqual([201, 412]);
    expect(lost.body).toMatchObject({
      type: '/problems/precondition-failed',
      streamId: 'retro-pinned',
      expectedRevision: 0,
      actualRevision: 1,
    });
    expect(lost.headers.etag).toBe('"1"');
    expect(await notesOf(t, 'pinned')).toHaveLength(1);
  });

  it('after a lost race, an If-Match is checked again: still in its list, 201; moved past it, 412', async () => {
    await openRetro(t, 'listed');
    const afterOneLostRace = async (noteId: string, ifMatch: string) => {
      const races = loseRaces(t, 'listed', 1);
      try {
        return await addNote(t, 'listed', noteId, { 'If-Match': ifMatch });
      } finally {
        races.restore();
      }
    };
    // At 0 when read, at 1 (still listed) when decided again.
    expect((await afterOneLostRace('by-list', '"0", "1"')).status).toBe(201);
    // At 2 when read, at 3 when decided again.
    const single = await afterOneLostRace('by-one', '"2"');
    expect(single.status).toBe(412);
    expect(single.body).toMatchObject({ expectedRevision: 2, actualRevision: 3 });
    const rival = expect.stringMatching(/^rival-/);
    expect(await notesOf(t, 'listed')).toEqual([rival, 'by-list', rival]);
  });
});

describe.each(backends)('a stream that never stops changing (%s)', (backend) => {
  it('is a 503 with Retry-After once LEDGER_COMMAND_RETRY_MS has passed, and nothing of the command is written', async () => {
    const t = await startTestApp(backend, { LEDGER_COMMAND_RETRY_MS: '100' });
    try {
      await registerRoster(t, defaultRoster);
      await openRetro(t, 'busy');
      const races = loseRaces(t, 'busy', Number.POSITIVE_INFINITY);
      const response = await addNote(t, 'busy', 'mine');
      races.restore();
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toMatchObject({ type: '/problems/stream-contention', streamId: 'retro-busy' });
      expect(response.body.attempts).toBe(races.lost());
      expect(await notesOf(t, 'busy')).not.toContain('mine');
    } finally {
      await t.close();
    }
  });
});

describe('32 clients on one stream through two replicas on one PostgreSQL', () => {
  it('all land: the replicas lose races to each other and decide again', async () => {
    const database = await createTestPostgres();
    const a = await startTestApp('postgres', {}, database);
    const b = await startTestApp(
      'postgres',
      { LEDGER_BOOTSTRAP_ADMIN_KEY: a.adminKey },
      connectPostgres(database.url, 4),
    );
    try {
      await registerRoster(a, defaultRoster);
      await openRetro(a, 'shared');
      const ids = Array.from({ length: 32 }, (_, n) => `note-${n}`);
      const responses = await Promise.all(ids.map((id, n) => addNote(n % 2 ? b : a, 'shared', id)));
      expect(responses.map((r) => r.status)).toEqual(ids.map(() => 201));
      expect((await notesOf(a, 'shared')).sort()).toEqual([...ids].sort());
    } finally {
      await b.close();
      await a.close();
    }
  });
});
