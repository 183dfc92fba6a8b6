import { type EventFilter, type RecordedEvent, streamCategory } from '../event-store.port.js';

/** The port's filter, applied in memory (EventStoreDB 6.x clients cannot filter a read of $all). */
export const matchesFilter = (filter: EventFilter | undefined, event: RecordedEvent): boolean =>
  (!filter?.eventTypes || filter.eventTypes.includes(event.type)) &&
  (!filter?.streamCategories || filter.streamCategories.includes(streamCategory(event.streamId)));
