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
 * One store page after `after`, of the filter's types (filtered by the store),
 * and of those the ones in the stream prefix (filtered here); `last` is the
 * position read up to, null when the store had nothing more.
 */
export const readMatching = async (
  store: EventStore,
  { types, streamPrefix }: Omit<EventsFilter, 'after' | 'limit'>,
  after: number,
  maxCount: number,
): Promise<{ matching: RecordedEvent[]; last: number | null }> => {
  const page = await store.readAll({
    afterPosition: after,
    maxCount,
    ...(types ? { filter: { eventTypes: types } } : {}),
  });
  const matching = streamPrefix ? page.filter((event) => event.streamId.startsWith(streamPrefix)) : page;
  return { matching, last: page.at(-1)?.globalPosition ?? null };
};

/**
 * A page of the global log. A sparse stream prefix gives short pages (still
 * with a next link past what was read) rather than one answer that reads the
 * whole log.
 */
export const readAllEvents = async (store: EventStore, filter: EventsFilter): Promise<EventsPage> => {
  const headPosition = await store.headPosition();
  const events: RecordedEvent[] = [];
  let after = filter.after;
  for (let scan = 0; scan < MAX_SCANS && events.length < filter.limit && after < headPosition; scan += 1) {
    const { matching, last } = await readMatching(store, filter, after, filter.limit - events.length);
    events.push(...matching);
    after = last ?? headPosition;
  }
  return { events, headPosition, nextAfter: after < headPosition ? after : null };
};

/** One event by its global position, or null. */
export const readEvent = async (store: EventStore, position: number): Promise<RecordedEvent | null> => {
  const [event] = await store.readAll({ afterPosition: position - 1, maxCount: 1 });
  return event?.globalPosition === position ? event : null;
};
