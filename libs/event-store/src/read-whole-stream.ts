import type { EventStore, RecordedEvent } from './event-store.port.js';

const PAGE = 1_000;

/** Every event of a stream (from `fromRevision` on, when given), read a page at a time. */
export const readWholeStream = async (
  store: EventStore,
  streamId: string,
  fromRevision = 0,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, {
      fromRevision: fromRevision + events.length,
      maxCount: PAGE,
    });
    events.push(...page);
    if (page.length < PAGE) return events;
  }
};
