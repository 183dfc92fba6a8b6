import { randomUUID } from 'node:crypto';
import {
  type AppendOutcome,
  type AppendRequest,
  CommandIdReusedError,
  type EventStore,
  type ExpectedState,
  InvalidEventError,
  type NewEvent,
  PostgresEventStore,
  type SqlDatabase,
  WrongExpectedVersionError,
  anyState,
  atRevision,
  findChainBreak,
  noStream,
} from '#event-store';
import { appendTo, createTestPglite, createTestPostgres, newEvent, take } from '#testing';

const stores: [string, () => Promise<SqlDatabase>][] = [
  ['PGlite', createTestPglite],
  ['PostgreSQL', createTestPostgres],
];

const stream = (category = 'batch') => `${category}-${randomUUID()}`;

const req = (
  streamId: string,
  events: NewEvent[],
  expectedState: ExpectedState = anyState,
  extra: Partial<Pick<AppendRequest, 'readRevisions'>> & { commandId?: string; fingerprint?: string } = {},
): AppendRequest => ({
  streamId,
  events,
  expectedState,
  command: { commandId: extra.commandId ?? randomUUID(), fingerprint: extra.fingerprint ?? 'f' },
  ...(extra.readRevisions ? { readRevisions: extra.readRevisions } : {}),
});

/** The extra of a request whose decision read one other stream at a revision. */
const read = (streamId: string, revision: number) => ({ readRevisions: [{ streamId, revision }] });

const resultOf = (outcome: AppendOutcome) => {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.name}: ${outcome.error.message}`);
  return outcome.result;
};

const errorOf = (outcome: AppendOutcome): Error => {
  if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.result)}`);
  return outcome.error;
};

describe.each(stores)('appendMany: group commit (%s)', (_name, openDatabase) => {
  let store: EventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.open(await openDatabase());
  });
  afterAll(() => store.close());

  /** Events after a position, checked gap-free and chained from the genesis. */
  const checkLog = async (before: number) => {
    const all = await store.readAll({ afterPosition: 0 });
    expect(all.map((e) => e.globalPosition)).toEqual(all.map((_, i) => i + 1));
    expect(findChainBreak(all)).toBeNull();
    expect(await store.headPosition()).toBe(all.length);
    return all.filter((e) => e.globalPosition > before);
  };

  it('writes every request in order, each at the next positions, one outcome per request', async () => {
    const before = await store.headPosition();
    const [a, b, c] = [stream(), stream(), stream()];
    const outcomes = await store.appendMany([
      req(a, [newEvent('A1'), newEvent('A2')], noStream),
      req(b, [newEvent('B1')], noStream),
      req(c, [newEvent('C1'), newEvent('C2'), newEvent('C3')]),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const results = outcomes.map(resultOf);
    expect(results.map((r) => [r.streamId, r.streamRevision, r.globalPosition - before, r.replayed])).toEqual(
      [
        [a, 1, 2, false],
        [b, 0, 3, false],
        [c, 2, 6, false],
      ],
    );
    expect(results.flatMap((r) => r.events.map((e) => e.globalPosition - before))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    const written = await checkLog(before);
    expect(written.map((e) => `${e.type}@${e.streamRevision}`)).toEqual([
      'A1@0',
      'A2@1',
      'B1@0',
      'C1@0',
      'C2@1',
      'C3@2',
    ]);
    expect(written.map((e) => e.streamId)).toEqual([a, a, b, c, c, c]);
    expect(written.map((e) => e.eventId)).toEqual(results.flatMap((r) => r.events.map((e) => e.eventId)));
    for (const result of results) expect(await store.findCommand(result.commandId)).not.toBeNull();
  });

  it('decides each request against the stream as the ones before it in the batch left it', async () => {
    const id = stream();
    const outcomes = await store.appendMany([
      req(id, [newEvent('First')], noStream),
      req(id, [newEvent('Second')], atRevision(0)),
      req(id, [newEvent('Stale')], atRevision(0)),
      req(id, [newEvent('Again')], noStream),
      req(id, [newEvent('Third')], atRevision(1)),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, false, true]);
    expect(resultOf(outcomes[1]).streamRevision).toBe(1);
    expect(resultOf(outcomes[4]).streamRevision).toBe(2);
    for (const refused of [outcomes[2], outcomes[3]]) {
      expect(errorOf(refused)).toBeInstanceOf(WrongExpectedVersionError);
      expect(errorOf(refused)).toMatchObject({ streamId: id, actualRevision: 1 });
    }
    const events = await store.readStream(id);
    expect(events.map((e) => `${e.type}@${e.streamRevision}`)).toEqual(['First@0', 'Second@1', 'Third@2']);
  });

  it('a refused request fails alone: nothing of it is written, positions stay gap-free, the chain unbroken', async () => {
    const before = await store.headPosition();
    const existing = stream();
    const reusedId = randomUUID();
    await appendTo(store, existing, [newEvent('Old')], anyState, reusedId);
    const [ok1, ok2, ok3, stale, nul] = [stream(), stream(), stream(), stream(), stream()];
    const staleId = randomUUID();
    const nulId = randomUUID();
    const outcomes = await store.appendMany([
      req(ok1, [newEvent('Ok1')], noStream),
      req(existing, [newEvent('Stale')], atRevision(5), { commandId: staleId }),
      req(ok2, [newEvent('Ok2')]),
      req(stream(), [newEvent('Reused')], anyState, { commandId: reusedId, fingerprint: 'another' }),
      req(nul, [newEvent('Nul', { text: 'a\u0000b' })], anyState, { commandId: nulId }),
      req(ok3, [newEvent('Ok3a'), newEvent('Ok3b')]),
      req(stale, [newEvent('Never')], atRevision(0)),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false, false, true, false]);
    expect(errorOf(outcomes[1])).toBeInstanceOf(WrongExpectedVersionError);
    expect(errorOf(outcomes[1])).toMatchObject({ streamId: existing, actualRevision: 0 });
    expect(errorOf(outcomes[3])).toBeInstanceOf(CommandIdReusedError);
    expect(errorOf(outcomes[4])).toBeInstanceOf(InvalidEventError);
    expect(errorOf(outcomes[6])).toMatchObject({ streamId: stale, actualRevision: -1 });

    const written = await checkLog(before);
    expect(written.map((e) => e.type)).toEqual(['Old', 'Ok1', 'Ok2', 'Ok3a', 'Ok3b']);
    expect(resultOf(outcomes[5]).globalPosition).toBe(before + 5);
    expect(await store.readStream(existing)).toHaveLength(1);
    expect(await store.readStream(nul)).toEqual([]);
    expect(await store.readStream(stale)).toEqual([]);
    expect(await store.findCommand(staleId)).toBeNull();
    expect(await store.findCommand(nulId)).toBeNull();
    expect(await store.findCommand(reusedId)).toMatchObject({ fingerprint: 'f' });
    expect(await Promise.all([ok1, ok2, ok3].map(async (id) => (await store.readStream(id)).length))).toEqual(
      [1, 1, 2],
    );
  });

  it('an empty batch, and one in which every request is refused, write nothing', async () => {
    const before = await store.headPosition();
    const id = stream();
    expect(await store.appendMany([])).toEqual([]);
    const outcomes = await store.appendMany([
      req(id, [newEvent('X')], atRevision(3)),
      req(id, [newEvent('Y', { bad: '\u0000' })]),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
    expect(await store.headPosition()).toBe(before);
    expect(await store.readStream(id)).toEqual([]);
  });

  it('replays a command id recorded before with the same fingerprint: the first result, nothing appended', async () => {
    const id = stream();
    const commandId = randomUUID();
    const first = await appendTo(store, id, [newEvent('A')], noStream, commandId);
    const head = await store.headPosition();
    const outcomes = await store.appendMany([
      req(id, [newEvent('A')], noStream, { commandId }),
      req(stream(), [newEvent('Elsewhere')], anyState, { commandId }),
    ]);
    expect(outcomes).toEqual([
      { ok: true, result: { ...first, replayed: true } },
      { ok: true, result: { ...first, replayed: true } },
    ]);
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('a command id used earlier in the same batch replays with its fingerprint, is refused with another', async () => {
    const before = await store.headPosition();
    const [a, b, c] = [stream(), stream(), stream()];
    const commandId = randomUUID();
    const [refused, ...outcomes] = await store.appendMany([
      // Refused, so not recorded: the next request with this id is written, not replayed.
      req(a, [newEvent('Stale')], atRevision(4), { commandId }),
      req(a, [newEvent('A')], noStream, { commandId }),
      req(a, [newEvent('A')], noStream, { commandId }),
      req(b, [newEvent('B')], anyState, { commandId, fingerprint: 'other' }),
      req(c, [newEvent('C')], anyState, { commandId }),
    ]);
    expect(errorOf(refused)).toBeInstanceOf(WrongExpectedVersionError);
    const first = resultOf(outcomes[0]);
    expect(first.replayed).toBe(false);
    expect(outcomes[1]).toEqual({ ok: true, result: { ...first, replayed: true } });
    expect(errorOf(outcomes[2])).toBeInstanceOf(CommandIdReusedError);
    expect(outcomes[3]).toEqual({ ok: true, result: { ...first, replayed: true } });
    expect((await checkLog(before)).map((e) => e.streamId)).toEqual([a]);
    expect(await store.findCommand(commandId)).toEqual({ commandId, fingerprint: 'f', result: first });
  });

  describe('readRevisions', () => {
    it('holds when the streams read are at those revisions, else fails alone naming the moved stream', async () => {
      const roster = stream('roster');
      await appendTo(store, roster, [newEvent('R0'), newEvent('R1')]);
      const [stale, fresh] = [stream(), stream()];
      const outcomes = await store.appendMany([
        req(stale, [newEvent('A')], noStream, read(roster, 0)),
        req(fresh, [newEvent('B')], noStream, {
          readRevisions: [
            { streamId: roster, revision: 1 },
            { streamId: stream('empty'), revision: -1 },
          ],
        }),
      ]);
      expect(errorOf(outcomes[0])).toBeInstanceOf(WrongExpectedVersionError);
      expect(errorOf(outcomes[0])).toMatchObject({ streamId: roster, actualRevision: 1 });
      expect(resultOf(outcomes[1]).streamRevision).toBe(0);
      expect(await store.readStream(stale)).toEqual([]);
      expect(await store.readStream(fresh)).toHaveLength(1);
    });

    it('counts appends earlier in the same batch', async () => {
      const roster = stream('roster');
      await appendTo(store, roster, [newEvent('R0')]);
      const [before, after, missing] = [stream(), stream(), stream()];
      const outcomes = await store.appendMany([
        req(roster, [newEvent('R1')], atRevision(0)),
        req(before, [newEvent('A')], noStream, read(roster, 0)),
        req(after, [newEvent('B')], noStream, read(roster, 1)),
        req(missing, [newEvent('C')], noStream, read(after, -1)),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
      expect(errorOf(outcomes[1])).toMatchObject({ streamId: roster, actualRevision: 1 });
      expect(errorOf(outcomes[3])).toBeInstanceOf(WrongExpectedVersionError);
      expect(errorOf(outcomes[3])).toMatchObject({ streamId: after, actualRevision: 0 });
      expect(await store.readStream(before)).toEqual([]);
      expect(await store.readStream(missing)).toEqual([]);
    });

    it('append (a batch of one) throws the error naming the moved stream and writes nothing', async () => {
      const roster = stream('roster');
      await appendTo(store, roster, [newEvent('R0'), newEvent('R1')]);
      const id = stream();
      const attempt = store.append(req(id, [newEvent('A')], noStream, read(roster, 0)));
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ streamId: roster, actualRevision: 1 });
      expect(await store.readStream(id)).toEqual([]);
      await expect(store.append(req(id, [newEvent('N', { t: '\u0000' })]))).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      const ok = await store.append(req(id, [newEvent('A')], noStream, read(roster, 1)));
      expect(ok).toMatchObject({ streamId: id, streamRevision: 0, replayed: false });
    });
  });

  describe('readStreams', () => {
    it('reads whole streams in one call: an entry for every id, in revision order, empty for none', async () => {
      const [a, b, none] = [stream(), stream(), stream()];
      await appendTo(store, a, [newEvent('A0'), newEvent('A1')]);
      await appendTo(store, b, [newEvent('B0')]);
      await appendTo(store, a, [newEvent('A2')]);
      const read = await store.readStreams([a, none, b]);
      expect([...read.keys()].sort()).toEqual([a, b, none].sort());
      expect(read.get(a)?.map((e) => `${e.type}@${e.streamRevision}`)).toEqual(['A0@0', 'A1@1', 'A2@2']);
      expect(read.get(b)?.map((e) => e.type)).toEqual(['B0']);
      expect(read.get(none)).toEqual([]);
      expect(read.get(a)).toEqual(await store.readStream(a));
      expect((await store.readStreams([])).size).toBe(0);
    });
  });

  it('subscribers see every event of a batch exactly once, in position order', async () => {
    const start = await store.headPosition();
    const subscription = store.subscribe({ afterPosition: start, batchSize: 2 });
    const [a, b] = [stream(), stream()];
    const outcomes = await store.appendMany([
      req(a, [newEvent('A1'), newEvent('A2')]),
      req(b, [newEvent('B1')], atRevision(9)),
      req(b, [newEvent('B2'), newEvent('B3')]),
      req(a, [newEvent('A3')], atRevision(1)),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true]);
    // A sentinel after the batch: a duplicate or a stray event would push it out of the first six.
    await appendTo(store, stream(), [newEvent('Sentinel')]);
    const events = await take(subscription, 6);
    await subscription.close();
    expect(events.map((e) => e.type)).toEqual(['A1', 'A2', 'B2', 'B3', 'A3', 'Sentinel']);
    expect(events.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5, 6].map((n) => start + n));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(6);
  });
});

describe.each(stores)('appendMany is one transaction (%s)', (_name, openDatabase) => {
  it('commits the whole batch once, and a failure before COMMIT writes none of it', async () => {
    let commits = 0;
    let fail = false;
    const store = await PostgresEventStore.open(await openDatabase(), {
      beforeCommit: async () => {
        commits += 1;
        if (fail) throw new Error('injected fault before COMMIT');
      },
    });
    try {
      const [a, b, c] = [stream(), stream(), stream()];
      const outcomes = await store.appendMany([
        req(a, [newEvent('A')]),
        req(b, [newEvent('B')]),
        req(a, [newEvent('A2')], atRevision(0)),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
      expect(commits).toBe(1);

      fail = true;
      const head = await store.headPosition();
      const ids = [randomUUID(), randomUUID()];
      const batch = [
        req(c, [newEvent('C')], anyState, { commandId: ids[0] }),
        req(b, [newEvent('B2')], atRevision(0), { commandId: ids[1] }),
      ];
      // Thrown, or every outcome a refusal: either way nothing of the batch may be stored.
      const failed: unknown = await store.appendMany(batch).catch((error: unknown) => error);
      if (Array.isArray(failed)) expect(failed.map((o: AppendOutcome) => o.ok)).toEqual([false, false]);
      else expect(failed).toBeInstanceOf(Error);
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(c)).toEqual([]);
      expect(await store.readStream(b)).toHaveLength(1);
      for (const id of ids) expect(await store.findCommand(id)).toBeNull();
      fail = false;
      expect(resultOf((await store.appendMany([req(c, [newEvent('C')])]))[0]).globalPosition).toBe(head + 1);
      expect(findChainBreak(await store.readAll({ afterPosition: 0 }))).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe.each(stores)('append calls that arrive together (%s)', (_name, openDatabase) => {
  it('share transactions, each answered alone; one the database refuses fails alone', async () => {
    let commits = 0;
    const store = await PostgresEventStore.open(await openDatabase(), {
      beforeCommit: async () => void (commits += 1),
    });
    try {
      const taken = newEvent('Taken');
      await appendTo(store, stream(), [taken]);
      commits = 0;
      const streams = Array.from({ length: 16 }, () => stream('together'));
      // The seventh reuses an event id already in the log: the database's unique index refuses it.
      const calls = streams.map((id, i) =>
        store.append(req(id, [i === 6 ? { ...newEvent('Dup'), eventId: taken.eventId } : newEvent('T')])),
      );
      const settled = await Promise.allSettled(calls);
      expect(settled.map((s) => s.status)).toEqual(
        streams.map((_, i) => (i === 6 ? 'rejected' : 'fulfilled')),
      );
      const positions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.globalPosition] : []));
      expect(new Set(positions).size).toBe(15);
      for (const [i, id] of streams.entries())
        expect(await store.readStream(id)).toHaveLength(i === 6 ? 0 : 1);
      expect(findChainBreak(await store.readAll({ afterPosition: 0 }))).toBeNull();

      commits = 0;
      await Promise.all(
        Array.from({ length: 16 }, () => store.append(req(stream('again'), [newEvent('T')]))),
      );
      expect(commits).toBeLessThan(16);
    } finally {
      await store.close();
    }
  });
});
