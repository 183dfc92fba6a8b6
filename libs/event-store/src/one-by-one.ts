import type { AppendOutcome, AppendRequest, EventStore, RecordedEvent } from './event-store.port.js';
import { readWholeStream } from './read-whole-stream.js';

/** appendMany for a backend without a transaction to share: each request alone, in order. */
export const appendOneByOne = async (
  store: EventStore,
  requests: readonly AppendRequest[],
): Promise<AppendOutcome[]> => {
  const outcomes: AppendOutcome[] = [];
  for (const request of requests) {
    try {
      outcomes.push({ ok: true, result: await store.append(request) });
    } catch (error) {
      outcomes.push({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  return outcomes;
};

/** readStreams for a backend that reads one stream per call. */
export const readStreamsOneByOne = async (
  store: EventStore,
  streamIds: readonly string[],
): Promise<Map<string, RecordedEvent[]>> => {
  const ids = [...new Set(streamIds)];
  const streams = await Promise.all(ids.map((id) => readWholeStream(store, id)));
  return new Map(ids.map((id, index) => [id, streams[index]]));
};
