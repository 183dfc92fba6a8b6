import type { EventStore, RecordedEvent } from '#event-store';
import type { Projection } from './projection.js';

interface Batch {
  events: RecordedEvent[];
  /** The position the batch covers up to, matching or not. */
  to: number;
  /** How many events the store returned (before the cut at the head): fewer than asked means all were read. */
  read: number;
}

/**
 * The next batch after `after`, up to `upTo` when given; null when there is
 * nothing to cover.
 */
export const readBatch = async (
  store: EventStore,
  projection: Projection,
  after: number,
  batchSize: number,
  upTo?: number,
): Promise<Batch | null> => {
  const head = Math.min(await store.headPosition(), upTo ?? Number.MAX_SAFE_INTEGER);
  if (head <= after) return null;
  const read = await store.readAll({
    afterPosition: after,
    maxCount: batchSize,
    ...(projection.eventTypes === 'all' ? {} : { filter: { eventTypes: [...projection.eventTypes] } }),
  });
  const events = read.filter((e) => e.globalPosition <= head);
  // Covering only up to the last event read stays right whatever cap the store
  // puts on a read; with none read, nothing matches up to the head.
  return { events, to: events.at(-1)?.globalPosition ?? head, read: read.length };
};
