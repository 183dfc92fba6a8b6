/**
 * Streams.Read (server streaming): reads of one stream or of $all, forwards or backwards, with
 * a count and (for $all) a server-side filter; or, with subscription options, a subscription.
 *
 * Start positions, as the server interprets them:
 * - stream read from revision r: inclusive (forwards r, r+1…; backwards r, r-1…);
 * - $all read from position p: forwards inclusive (>= p), backwards exclusive (< p);
 * - subscriptions are exclusive: from revision r, events after r; from position p, events after p.
 */
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { acceptAll, checkpointIntervalOf, predicateOf, type EventPredicate } from './event-filter.js';
import type { InMemoryLog, StoredEvent } from './in-memory-log.js';
import { eventResponse, streamNameOf, streamNotFoundResponse } from './message-conversion.js';
import { ReadReq, type ReadOptions, type ReadResp } from './protocol.js';
import { LogSubscription, type SubscriptionSpec } from './subscription.js';

const { ReadDirection } = ReadReq.Options;
const StreamRevisionCase = ReadReq.Options.StreamOptions.RevisionOptionCase;
const AllPositionCase = ReadReq.Options.AllOptions.AllOptionCase;

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** A uint64 from the wire (counts, revisions) as an array index, capped at the safe range. */
const toIndex = (uint64: string): number => {
  const value = BigInt(uint64 || '0');
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
};

export const readHandler =
  (log: InMemoryLog) =>
  (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options || (!options.hasStream() && !options.hasAll())) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: 'Read needs stream or $all options' });
      return;
    }
    if (options.hasSubscription()) {
      new LogSubscription(log, call, subscriptionSpec(log, options)).start();
      return;
    }
    const count = toIndex(options.getCount());
    const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
    if (options.hasStream()) readStream(log, call, options, count, backwards);
    else readAll(log, call, options, count, backwards);
  };

const readStream = (
  log: InMemoryLog,
  call: ReadCall,
  options: ReadOptions,
  count: number,
  backwards: boolean,
) => {
  const streamOptions = options.getStream();
  const streamName = streamNameOf(streamOptions?.getStreamIdentifier());
  const events = log.stream(streamName);
  if (!events) {
    call.write(streamNotFoundResponse(streamName));
    call.end();
    return;
  }
  const last = events.length - 1;
  const from = ((): number => {
    switch (streamOptions?.getRevisionOptionCase()) {
      case StreamRevisionCase.END:
        return backwards ? last : events.length;
      case StreamRevisionCase.REVISION: {
        const revision = toIndex(streamOptions.getRevision());
        return backwards ? Math.min(revision, last) : revision;
      }
      default:
        return 0;
    }
  })();
  const selected = backwards ? events.slice(0, from + 1).reverse() : events.slice(from);
  send(call, selected.slice(0, count), options);
};

const readAll = (
  log: InMemoryLog,
  call: ReadCall,
  options: ReadOptions,
  count: number,
  backwards: boolean,
) => {
  const allOptions = options.getAll();
  const position = allOptions?.getPosition();
  const from = ((): number => {
    switch (allOptions?.getAllOptionCase()) {
      case AllPositionCase.END:
        return log.all.length; // backwards: everything before it; forwards: nothing
      case AllPositionCase.POSITION:
        return log.indexAtOrAfter(BigInt(position?.getCommitPosition() ?? '0'));
      default:
        return 0;
    }
  })();
  const accepts = options.hasFilter() ? predicateOf(options.getFilter()) : acceptAll;
  const candidates = backwards ? log.all.slice(0, from).reverse() : log.all.slice(from);
  send(call, take(candidates, accepts, count), options);
};

const take = (events: readonly StoredEvent[], accepts: EventPredicate, count: number): StoredEvent[] => {
  const taken: StoredEvent[] = [];
  for (const event of events) {
    if (taken.length >= count) break;
    if (accepts(event)) taken.push(event);
  }
  return taken;
};

/** Plain reads are small in tests: written at once, ending the call once flushed. */
const send = (call: ReadCall, events: readonly StoredEvent[], options: ReadOptions): void => {
  const uuidOption = options.getUuidOption();
  for (const event of events) call.write(eventResponse(event, uuidOption));
  call.end();
};

const subscriptionSpec = (log: InMemoryLog, options: ReadOptions): SubscriptionSpec => {
  const uuidOption = options.getUuidOption();
  if (options.hasStream()) {
    const streamOptions = options.getStream();
    const streamName = streamNameOf(streamOptions?.getStreamIdentifier());
    const after = ((): bigint => {
      switch (streamOptions?.getRevisionOptionCase()) {
        case StreamRevisionCase.END:
          return BigInt(log.stream(streamName)?.length ?? 0) - 1n;
        case StreamRevisionCase.REVISION:
          return BigInt(streamOptions.getRevision());
        default:
          return -1n;
      }
    })();
    // Walking $all from where the stream continues; earlier events could not match anyway.
    const next = log.stream(streamName)?.[Number(after + 1n)];
    return {
      startIndex: next ? log.indexAtOrAfter(next.position) : log.all.length,
      accepts: (event) => event.streamName === streamName && event.revision > after,
      uuidOption,
    };
  }
  const allOptions = options.getAll();
  const startIndex = ((): number => {
    switch (allOptions?.getAllOptionCase()) {
      case AllPositionCase.END:
        return log.all.length;
      case AllPositionCase.POSITION:
        return log.indexAfter(BigInt(allOptions.getPosition()?.getCommitPosition() ?? '0'));
      default:
        return 0;
    }
  })();
  const filter = options.hasFilter() ? options.getFilter() : undefined;
  return {
    startIndex,
    accepts: predicateOf(filter),
    checkpointInterval: filter ? checkpointIntervalOf(filter) : undefined,
    uuidOption,
  };
};
