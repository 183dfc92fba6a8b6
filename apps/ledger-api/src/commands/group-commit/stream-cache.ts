import { type DomainEvent, upcastStored } from '#domain';
import type { RecordedEvent } from '#event-store';

/** Stored events back into domain events of the current schema versions. */
export const toDomainEvent = <Event extends DomainEvent>(event: RecordedEvent): Event =>
  upcastStored(event) as Event;

/** A stream as the deciders see it: its events, who caused each, and its revision. */
export interface StreamState {
  readonly revision: number;
  readonly events: readonly DomainEvent[];
  /** The command id of each event, for harmless repeats that answer with their precedent. */
  readonly commandIds: readonly string[];
}

export const streamStateOf = (recorded: readonly RecordedEvent[]): StreamState => ({
  revision: recorded.length - 1,
  events: recorded.map((event) => toDomainEvent(event)),
  commandIds: recorded.map((event) => event.metadata.commandId),
});

export const withEvents = (
  state: StreamState,
  events: readonly DomainEvent[],
  commandId: string,
): StreamState =>
  events.length === 0
    ? state
    : {
        revision: state.revision + events.length,
        events: [...state.events, ...events],
        commandIds: [...state.commandIds, ...events.map(() => commandId)],
      };

/**
 * Recently used streams, least recently used evicted first once they hold
 * more than `maxEvents` events. An entry is a guess, never trusted: every
 * append states the revisions it was decided on, so a stream another replica
 * moved is a lost race, read again and decided again.
 */
export class StreamCache {
  private readonly entries = new Map<string, StreamState>();
  private events = 0;

  constructor(private readonly maxEvents: number) {}

  get(streamId: string): StreamState | undefined {
    const state = this.entries.get(streamId);
    if (state) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(streamId);
      this.entries.set(streamId, state);
    }
    return state;
  }

  set(streamId: string, state: StreamState): void {
    this.delete(streamId);
    if (state.events.length > this.maxEvents) return;
    this.entries.set(streamId, state);
    this.events += state.events.length;
    for (const [oldest] of this.entries) {
      if (this.events <= this.maxEvents) break;
      this.delete(oldest);
    }
  }

  delete(streamId: string): void {
    const state = this.entries.get(streamId);
    if (!state) return;
    this.entries.delete(streamId);
    this.events -= state.events.length;
  }
}
