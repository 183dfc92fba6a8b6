import type { EventStore, RecordedEvent } from '#event-store';

export interface EventsFilter {
  after: number;
  limit: number;
  types?: string[];
  streamPrefix?: string;
}

export interface EventsPage {
  events: RecordedEvent[];
  headPosition: number;
  /** The position the next page starts after; null once the head was reached. */
  nextAfter: number | null;
}

/** How many store pages one answer reads at most, looking for events of the stream prefix. */
const MAX_SCANS = 10;

/**
 * A page of the global log. Types are filtered by the store; a stream prefix
 * here, page by page, so a sparse prefix gives short pages (still with a next
 * link past what was read) rather than one answer that reads the whole log.
 */
export const readAllEvents = async (store: EventStore, filter: EventsFilter): Promise<EventsPage> => {
  const headPosition = await store.headPosition();
  const events: RecordedEvent[] = [];
  let after = filter.after;
  for (let scan = 0; scan < MAX_SCANS && events.length < filter.limit && after < headPosition; scan += 1) {
    const page = await store.readAll({
      afterPosition: after,
      maxCount: filter.limit - events.length,
      ...(filter.types ? { filter: { eventTypes: filter.types } } : {}),
    });
    if (page.length === 0) {
      after = headPosition;
      break;
    }
    const { streamPrefix } = filter;
    events.push(...(streamPrefix ? page.filter((event) => event.streamId.startsWith(streamPrefix)) : page));
    after = page[page.length - 1].globalPosition;
  }
  return { events, headPosition, nextAfter: after < headPosition ? after : null };
};

/** One event by its global position, or null. */
export const readEvent = async (store: EventStore, position: number): Promise<RecordedEvent | null> => {
  const [event] = await store.readAll({ afterPosition: position - 1, maxCount: 1 });
  return event?.globalPosition === position ? event : null;
};
