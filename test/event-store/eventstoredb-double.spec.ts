import { randomUUID } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import {
  ANY,
  BACKWARDS,
  CancelledError,
  END,
  EventStoreDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position,
  type ResolvedEvent,
  type StreamSubscription,
} from '@eventstore/db-client';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { startEventStoreDbTestDouble, type EventStoreDbTestDouble } from '#testing';

/**
 * The protocol test double, driven by the real client the adapter ships with
 * (@eventstore/db-client 6.2.1). What passes here is what the client does against a server.
 */
describe('EventStoreDB protocol test double, through @eventstore/db-client 6.2.1', () => {
  let double: EventStoreDbTestDouble;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    double = await startEventStoreDbTestDouble();
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await double.close();
  });

  const event = (type: string, data: Record<string, unknown> = {}, id: string = randomUUID()) =>
    jsonEvent({ id, type, data });

  const readStream = async (
    streamName: string,
    options: Parameters<EventStoreDBClient['readStream']>[1] = {},
  ) => {
    const events: ResolvedEvent[] = [];
    for await (const resolved of client.readStream(streamName, options)) events.push(resolved);
    return events;
  };
  const readAll = async (options: Parameters<EventStoreDBClient['readAll']>[0] = {}) => {
    const events: AllStreamResolvedEvent[] = [];
    for await (const resolved of client.readAll(options)) events.push(resolved);
    return events;
  };
  const revisions = (events: readonly ResolvedEvent[]) => events.map((resolved) => resolved.event?.revision);
  const commitOf = (resolved: AllStreamResolvedEvent): bigint => {
    if (!resolved.event?.position) throw new Error('an $all event without a position');
    return resolved.event.position.commit;
  };
  const wrongExpectedVersion = async (append: Promise<unknown>): Promise<WrongExpectedVersionError> => {
    const error: unknown = await append.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    return error as WrongExpectedVersionError;
  };

  describe('append with expectedRevision (the option name client 6 honours)', () => {
    it('NO_STREAM creates a stream once; then it is a WrongExpectedVersionError naming both revisions', async () => {
      // The double does not list BatchAppend among its methods, so the client uses Streams.Append.
      const first = await client.appendToStream('deal-1', event('DealOpened'), {
        expectedRevision: NO_STREAM,
      });
      expect(first).toMatchObject({ success: true, nextExpectedRevision: 0n });
      expect(first.position?.commit).toBeGreaterThan(0n);

      const error = await wrongExpectedVersion(
        client.appendToStream('deal-1', event('DealOpened'), { expectedRevision: NO_STREAM }),
      );
      expect(error).toMatchObject({ streamName: 'deal-1', expectedVersion: 'no_stream', actualVersion: 0n });
    });

    it('an exact bigint revision appends after it, and a stale one is refused with the actual revision', async () => {
      await client.appendToStream('deal-1', event('DealOpened'), { expectedRevision: NO_STREAM });
      const second = await client.appendToStream('deal-1', [event('A'), event('B')], {
        expectedRevision: 0n,
      });
      expect(second.nextExpectedRevision).toBe(2n);

      const stale = await wrongExpectedVersion(
        client.appendToStream('deal-1', event('C'), { expectedRevision: 0n }),
      );
      expect(stale).toMatchObject({ expectedVersion: 0n, actualVersion: 2n });
      const ahead = await wrongExpectedVersion(
        client.appendToStream('deal-1', event('C'), { expectedRevision: 7n }),
      );
      expect(ahead).toMatchObject({ expectedVersion: 7n, actualVersion: 2n });
      const missing = await wrongExpectedVersion(
        client.appendToStream('deal-2', event('C'), { expectedRevision: 0n }),
      );
      expect(missing).toMatchObject({ expectedVersion: 0n, actualVersion: 'no_stream' });
    });

    it('ANY always appends; STREAM_EXISTS only to a stream that exists', async () => {
      expect(
        (await client.appendToStream('deal-1', event('A'), { expectedRevision: ANY })).nextExpectedRevision,
      ).toBe(0n);
      expect((await client.appendToStream('deal-1', event('B'))).nextExpectedRevision).toBe(1n); // ANY is the default
      const exists = await client.appendToStream('deal-1', event('C'), { expectedRevision: STREAM_EXISTS });
      expect(exists.nextExpectedRevision).toBe(2n);

      const error = await wrongExpectedVersion(
        client.appendToStream('deal-2', event('A'), { expectedRevision: STREAM_EXISTS }),
      );
      expect(error).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
    });

    it('is idempotent like the server: the same event ids after the same expected revision append nothing', async () => {
      const batch = [event('A'), event('B')];
      const first = await client.appendToStream('deal-1', batch, { expectedRevision: NO_STREAM });
      const retry = await client.appendToStream('deal-1', batch, { expectedRevision: NO_STREAM });
      expect(retry).toMatchObject({ success: true, nextExpectedRevision: 1n });
      expect(retry.position?.commit).toBe(first.position?.commit);

      const next = event('C');
      await client.appendToStream('deal-1', next, { expectedRevision: 1n });
      expect(
        (await client.appendToStream('deal-1', next, { expectedRevision: 1n })).nextExpectedRevision,
      ).toBe(2n);
      expect(
        (await client.appendToStream('deal-1', next, { expectedRevision: ANY })).nextExpectedRevision,
      ).toBe(2n);
      // A crash-retry of the first batch after the stream moved on is still recognised.
      const lateRetry = await client.appendToStream('deal-1', batch, { expectedRevision: NO_STREAM });
      expect(lateRetry.nextExpectedRevision).toBe(1n);
      expect(await readStream('deal-1')).toHaveLength(3);

      // Same revision, other ids: a real conflict, not a retry.
      await wrongExpectedVersion(
        client.appendToStream('deal-1', [batch[0], event('X')], { expectedRevision: NO_STREAM }),
      );
    });
  });

  describe('readStream', () => {
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    beforeEach(async () => {
      const events = ids.map((id, index) => event(`Step${index}`, { index }, id));
      await client.appendToStream('deal-1', events, { expectedRevision: NO_STREAM });
    });

    it('reads forwards with ids, types, data, created and positions as recorded', async () => {
      const before = Date.now();
      const events = await readStream('deal-1');
      expect(revisions(events)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(events[2].event).toMatchObject({
        id: ids[2],
        type: 'Step2',
        data: { index: 2 },
        streamId: 'deal-1',
      });
      expect(events[2].event?.isJson).toBe(true);
      expect(events[2].event?.created.getTime()).toBeLessThanOrEqual(before);
      expect(events[2].event?.created.getTime()).toBeGreaterThan(before - 60_000);
      expect(events[2].event?.position?.commit).toBe(events[2].event?.position?.prepare);
    });

    it('reads from a revision (inclusive), with maxCount, and backwards from END or a revision', async () => {
      expect(revisions(await readStream('deal-1', { fromRevision: 2n, maxCount: 2 }))).toEqual([2n, 3n]);
      expect(
        revisions(await readStream('deal-1', { direction: BACKWARDS, fromRevision: END, maxCount: 2 })),
      ).toEqual([4n, 3n]);
      expect(revisions(await readStream('deal-1', { direction: BACKWARDS, fromRevision: 2n }))).toEqual([
        2n,
        1n,
        0n,
      ]);
      expect(await readStream('deal-1', { fromRevision: 9n })).toEqual([]);
    });

    it('an unknown stream is a StreamNotFoundError', async () => {
      await expect(readStream('no-such-stream')).rejects.toBeInstanceOf(StreamNotFoundError);
    });
  });

  describe('readAll', () => {
    it('returns the system events a fresh server has, then ours, at sparse increasing positions', async () => {
      await client.appendToStream('deal-1', [event('A'), event('B')]);
      await client.appendToStream('deal-2', event('C'));
      const all = await readAll();
      const streams = all.map((resolved) => resolved.event?.streamId ?? '');
      expect(streams.filter((streamId) => streamId.startsWith('$'))).toEqual(
        expect.arrayContaining(['$$$scavenges', '$users']),
      );
      expect(streams.slice(-3)).toEqual(['deal-1', 'deal-1', 'deal-2']);

      const commits = all.map(commitOf);
      for (let index = 1; index < commits.length; index++) {
        expect(commits[index] - commits[index - 1]).toBeGreaterThan(50n); // byte offsets, never 1, 2, 3
      }
    });

    it('reads backwards from END with maxCount, and forwards from a position inclusively', async () => {
      await client.appendToStream('deal-1', [event('A'), event('B'), event('C')]);
      const lastTwo = await readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 2 });
      expect(lastTwo.map((resolved) => resolved.event?.type)).toEqual(['C', 'B']);

      const from = lastTwo[1].event?.position as Position;
      const forwards = await readAll({ fromPosition: from });
      expect(forwards.map((resolved) => resolved.event?.type)).toEqual(['B', 'C']);
      const before = await readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 1 });
      expect(before.map((resolved) => resolved.event?.type)).toEqual(['A']);
    });

    it('client 6.2.1 readAll has no filter option, so the double filters $all reads only for a raw gRPC caller', async () => {
      await client.appendToStream('deal-1', [event('DealOpened'), event('NoteAdded'), event('DealWon')]);
      const types = await rawFilteredReadAll(double.connectionString, ['Deal'], 10);
      expect(types).toEqual(['DealOpened', 'DealWon']);
    });
  });

  describe('subscribeToAll', () => {
    /** What a subscription reported, in the order the client surfaced it. */
    const watch = (subscription: AllStreamSubscription | StreamSubscription) => {
      const seen: string[] = [];
      const emitter: NodeJS.EventEmitter = subscription; // one listener type for both kinds
      emitter.on('confirmation', () => seen.push('confirmation'));
      emitter.on('caughtUp', () => seen.push('caughtUp'));
      emitter.on('data', (resolved: AllStreamResolvedEvent | ResolvedEvent) =>
        seen.push(`${resolved.event?.streamId}/${resolved.event?.type}`),
      );
      return seen;
    };
    const eventually = async (check: () => void, timeoutMs = 5_000): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return check();
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    };

    it('from a position (exclusive), without system events: history, caughtUp, then live events', async () => {
      const first = await client.appendToStream('deal-1', event('DealOpened'));
      await client.appendToStream('deal-1', event('NoteAdded'));
      const subscription = client.subscribeToAll({
        fromPosition: first.position as Position,
        filter: excludeSystemEvents(),
      });
      const seen = watch(subscription);
      await eventually(() => expect(seen).toEqual(['confirmation', 'deal-1/NoteAdded', 'caughtUp']));

      double.writeSystemEvent();
      await client.appendToStream('deal-2', event('DealWon'));
      await eventually(() => expect(seen.slice(3)).toEqual(['deal-2/DealWon']));
      await subscription.unsubscribe();
    });

    it('without a filter from START it delivers the system events too; from END only what comes next', async () => {
      const fromStart = client.subscribeToAll({ fromPosition: START });
      const fromEnd = client.subscribeToAll({ fromPosition: END });
      const seenFromStart = watch(fromStart);
      const seenFromEnd = watch(fromEnd);
      await eventually(() => expect(seenFromEnd).toEqual(['confirmation', 'caughtUp']));
      await client.appendToStream('deal-1', event('DealOpened'));
      const stats = double.writeSystemEvent();

      await eventually(() =>
        expect(seenFromEnd.slice(2)).toEqual(['deal-1/DealOpened', `${stats.streamName}/$statsCollected`]),
      );
      await eventually(() => expect(seenFromStart).toContain(`${stats.streamName}/$statsCollected`));
      expect(seenFromStart).toContain('$users/$UserCreated');
      expect(seenFromStart.indexOf('caughtUp')).toBeLessThan(seenFromStart.indexOf('deal-1/DealOpened'));
      await Promise.all([fromStart.unsubscribe(), fromEnd.unsubscribe()]);
    });

    it.each([
      ['eventTypeFilter', eventTypeFilter, ['Deal']],
      ['streamNameFilter', streamNameFilter, ['deal-']],
    ] as const)(
      '%s with prefixes filters server-side and reports checkpoints',
      async (_name, filterOn, prefixes) => {
        await client.appendToStream('deal-1', event('DealOpened'));
        await client.appendToStream('note-1', event('NoteAdded'));
        const checkpoints: bigint[] = [];
        const subscription = client.subscribeToAll({
          fromPosition: START,
          // Every 1 × 2 events scanned (matching or not), the server sends a checkpoint.
          filter: filterOn({
            prefixes: [...prefixes],
            maxSearchWindow: 2,
            checkpointInterval: 1,
            checkpointReached: (_subscription, position) => void checkpoints.push(position.commit),
          }),
        });
        const seen = watch(subscription);
        await eventually(() => expect(seen).toEqual(['confirmation', 'deal-1/DealOpened', 'caughtUp']));
        await client.appendToStream('note-2', event('NoteAdded'));
        await client.appendToStream('deal-2', event('DealWon'));
        await eventually(() => expect(seen.slice(3)).toEqual(['deal-2/DealWon']));

        const logPositions = (await readAll()).map(commitOf);
        expect(checkpoints.length).toBe(Math.floor(logPositions.length / 2));
        expect(checkpoints).toEqual(logPositions.filter((_position, index) => index % 2 === 1));
        await subscription.unsubscribe();
      },
    );

    it('a stream subscription starts after the given revision and follows the stream only', async () => {
      await client.appendToStream('deal-1', [event('A'), event('B'), event('C')]);
      const subscription = client.subscribeToStream('deal-1', { fromRevision: 0n });
      const seen = watch(subscription);
      await eventually(() => expect(seen).toEqual(['confirmation', 'deal-1/B', 'deal-1/C', 'caughtUp']));
      await client.appendToStream('deal-2', event('X'));
      await client.appendToStream('deal-1', event('D'));
      await eventually(() => expect(seen.slice(4)).toEqual(['deal-1/D']));
      await subscription.unsubscribe();
    });

    it('streams a long history with back-pressure, in order, and misses nothing appended meanwhile', async () => {
      const batch = (from: number) => Array.from({ length: 500 }, (_, index) => event(`E${from + index}`));
      for (let from = 0; from < 3_000; from += 500) await client.appendToStream('bulk', batch(from));
      const subscription = client.subscribeToStream('bulk', { fromRevision: START });
      const seen = watch(subscription);
      await client.appendToStream('bulk', batch(3_000)); // while the history is being sent
      await eventually(() => expect(seen.length).toBe(1 + 3_500 + 1));

      const types = seen.filter((entry) => entry.startsWith('bulk/')).map((entry) => entry.slice(5));
      expect(types).toEqual(Array.from({ length: 3_500 }, (_, index) => `E${index}`));
      expect(seen[0]).toBe('confirmation');
      await subscription.unsubscribe();
    });

    it('closing the double drops open subscriptions with an error, as a server going away does', async () => {
      const subscription = client.subscribeToAll({ fromPosition: END });
      const seen = watch(subscription);
      const dropped = new Promise((resolve) => subscription.on('error', resolve));
      await eventually(() => expect(seen).toEqual(['confirmation', 'caughtUp']));
      await double.close();
      expect(await dropped).toBeInstanceOf(CancelledError);
    });

    it('after unsubscribe nothing more arrives', async () => {
      const subscription = client.subscribeToAll({ fromPosition: END });
      const seen = watch(subscription);
      await eventually(() => expect(seen).toEqual(['confirmation', 'caughtUp']));
      await subscription.unsubscribe();
      await client.appendToStream('deal-1', event('A'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual(['confirmation', 'caughtUp']);
    });
  });

  it('RPCs the double does not implement answer UNIMPLEMENTED', async () => {
    await client.appendToStream('deal-1', event('A'));
    await expect(client.deleteStream('deal-1')).rejects.toMatchObject({ code: 12 });
  });
});

/** A filtered $all read straight over gRPC, since client 6.2.1 cannot send one. */
const rawFilteredReadAll = async (
  connectionString: string,
  prefixes: string[],
  count: number,
): Promise<string[]> => {
  const { ReadReq } = streamsPb;
  const address = new URL(connectionString.replace('esdb://', 'http://')).host;
  const grpcClient = new streamsGrpc.StreamsClient(address, credentials.createInsecure());
  const expression = new ReadReq.Options.FilterOptions.Expression().setPrefixList(prefixes);
  const options = new ReadReq.Options()
    .setAll(new ReadReq.Options.AllOptions().setStart(new sharedPb.Empty()))
    .setReadDirection(ReadReq.Options.ReadDirection.FORWARDS)
    .setCount(String(count))
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new sharedPb.Empty()))
    .setFilter(
      new ReadReq.Options.FilterOptions()
        .setEventType(expression)
        .setCount(new sharedPb.Empty())
        .setCheckpointintervalmultiplier(1),
    );
  const types: string[] = [];
  try {
    for await (const response of grpcClient.read(new ReadReq().setOptions(options))) {
      const type = (response as InstanceType<typeof streamsPb.ReadResp>)
        .getEvent()
        ?.getEvent()
        ?.getMetadataMap()
        .get('type');
      if (type) types.push(type);
    }
  } finally {
    grpcClient.close();
  }
  return types;
};
