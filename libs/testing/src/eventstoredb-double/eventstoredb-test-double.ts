/**
 * A protocol test double of EventStoreDB: an in-process gRPC server speaking the wire protocol
 * of the real server to the real client (@eventstore/db-client 6), with its log in memory.
 * No EventStoreDB can be installed on these machines; this lets the adapter be tested through
 * the very client it ships with. It is a test double, never a store: it forgets on close.
 *
 * Implemented: ServerFeatures.GetSupportedMethods, Streams.Append, Streams.Read (stream and $all
 * reads, filters, subscriptions). Everything else answers UNIMPLEMENTED.
 */
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { appendHandler } from './append-handler.js';
import { InMemoryLog } from './in-memory-log.js';
import {
  ServerFeaturesService,
  StreamsService,
  SupportedMethod,
  SupportedMethods,
  type SupportedMethods as SupportedMethodsMessage,
} from './protocol.js';
import { readHandler } from './read-handler.js';

interface SystemEventOptions {
  readonly streamName?: string;
  readonly type?: string;
  readonly data?: unknown;
}

interface WrittenSystemEvent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: { readonly commit: bigint; readonly prepare: bigint };
}

export interface EventStoreDbTestDouble {
  /** `esdb://127.0.0.1:<port>?tls=false`, for EventStoreDBClient.connectionString. */
  readonly connectionString: string;
  /**
   * Writes an event the server itself would write (by default a `$statsCollected` event to a
   * `$stats-…` stream, as a running server does periodically), interleaving $all like they do.
   */
  writeSystemEvent(options?: SystemEventOptions): WrittenSystemEvent;
  close(): Promise<void>;
}

/** Reported as a server that sends `caught_up` in subscriptions, as the double does. */
const SERVER_VERSION = '24.10.0';

/**
 * Deliberately not BatchAppend: the client uses it whenever the server lists it, and the
 * double implements Streams.Append only. Names are lower case, as the server reports them.
 */
const supportedMethods = (): SupportedMethodsMessage =>
  new SupportedMethods()
    .setEventStoreServerVersion(SERVER_VERSION)
    .setMethodsList([
      new SupportedMethod()
        .setServiceName('event_store.client.streams.streams')
        .setMethodName('read')
        .setFeaturesList(['position', 'events']),
      new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName('append'),
      new SupportedMethod()
        .setServiceName('event_store.client.server_features.serverfeatures')
        .setMethodName('getsupportedmethods'),
    ]);

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** What a fresh server has in $all before any client writes: a few system events. */
const writeInitialSystemEvents = (log: InMemoryLog): void => {
  const system = (streamName: string, type: string, data: unknown) =>
    log.append(streamName, 'any', [
      {
        id: randomUUID(),
        type,
        contentType: 'application/json',
        customMetadata: new Uint8Array(),
        data: json(data),
      },
    ]);
  system('$$$scavenges', '$metadata', { $maxAge: 2_592_000 });
  system('$users', '$UserCreated', 'admin');
  system('$user-admin', '$user', {
    loginName: 'admin',
    fullName: 'Event Store Administrator',
    groups: ['$admins'],
  });
  system('$users', '$UserCreated', 'ops');
  system('$user-ops', '$user', { loginName: 'ops', fullName: 'Event Store Operations', groups: ['$ops'] });
};

export const startEventStoreDbTestDouble = async (): Promise<EventStoreDbTestDouble> => {
  const log = new InMemoryLog();
  writeInitialSystemEvents(log);

  const server = new Server();
  // Only read and append are given: grpc-js answers the other Streams methods, and every
  // service not added here, with UNIMPLEMENTED.
  server.addService(StreamsService, { read: readHandler(log), append: appendHandler(log) });
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (
      _call: ServerUnaryCall<unknown, unknown>,
      callback: sendUnaryData<SupportedMethodsMessage>,
    ) => callback(null, supportedMethods()),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    ),
  );

  let closed = false;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    writeSystemEvent: ({ streamName = '$stats-127.0.0.1:2113', type = '$statsCollected', data } = {}) => {
      const payload = data ?? { 'proc-startTime': new Date().toISOString(), 'sys-cpu': 3.5 };
      const outcome = log.append(streamName, 'any', [
        {
          id: randomUUID(),
          type,
          contentType: 'application/json',
          customMetadata: new Uint8Array(),
          data: json(payload),
        },
      ]);
      if (outcome.kind !== 'success' || outcome.currentRevision === 'no_stream' || !outcome.position) {
        throw new Error(`The test double could not write a system event to ${streamName}`);
      }
      return { streamName, revision: outcome.currentRevision, position: outcome.position };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // Like a server going away: open calls are cut, so a subscription still open in the client
      // fails (CancelledError) rather than ending as if the log were finished.
      server.forceShutdown();
    },
  };
};
