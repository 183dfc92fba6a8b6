/**
 * Server-side filtering of $all, as EventStoreDB applies it: on the event type or the stream
 * name, by a regular expression or by prefixes. The client's excludeSystemEvents() is just an
 * event-type regex, `^[^$].*`.
 */
import type { StoredEvent } from './in-memory-log.js';
import type { FilterOptions } from './protocol.js';

export type EventPredicate = (event: StoredEvent) => boolean;

export const acceptAll: EventPredicate = () => true;

/** The server's page size, and the max search window when the client asks for `count`. */
const DEFAULT_MAX_SEARCH_WINDOW = 32;

export const predicateOf = (filter: FilterOptions | undefined): EventPredicate => {
  if (!filter) return acceptAll;
  const onStreamName = filter.hasStreamIdentifier();
  const expression = onStreamName ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) return acceptAll;
  const subject = (event: StoredEvent): string => (onStreamName ? event.streamName : event.type);

  const regex = expression.getRegex();
  if (regex !== '') {
    // .NET's Regex.IsMatch, like RegExp.test, matches anywhere unless anchored.
    const pattern = new RegExp(regex);
    return (event) => pattern.test(subject(event));
  }
  const prefixes = expression.getPrefixList();
  return (event) => prefixes.some((prefix) => subject(event).startsWith(prefix));
};

/**
 * Events scanned (matching or not) between two checkpoints of a filtered $all subscription:
 * checkpoint-interval multiplier × max search window, the window defaulting to 32.
 */
export const checkpointIntervalOf = (filter: FilterOptions): number => {
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_MAX_SEARCH_WINDOW;
  return Math.max(1, filter.getCheckpointintervalmultiplier()) * window;
};
