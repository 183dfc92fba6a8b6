import { businessTimeOf, upcastStored, type LedgerEvent } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';

/** What a figure's evidence says of an event: never its data, which may hold free text and names' keys. */
export interface EventSummary {
  position: number;
  type: string;
  streamId: string;
  /** Business time: when it happened, as the event says. */
  occurredAt: string;
  /** Knowledge time: when the ledger learned of it. */
  recordedAt: string;
  /** Who acted in the business (a person id), or null. */
  actor: string | null;
  hash: string;
}

const summaryOf = (recorded: RecordedEvent): EventSummary => ({
  position: recorded.globalPosition,
  type: recorded.type,
  streamId: recorded.streamId,
  occurredAt: businessTimeOf(upcastStored(recorded) as LedgerEvent, recorded.metadata.occurredAt),
  recordedAt: recorded.metadata.recordedAt,
  actor: recorded.metadata.actor,
  hash: recorded.hash,
});

/** Positions this close together are read as one range rather than one by one. */
const MAX_GAP = 32;

/** Sorted, distinct positions cut into ranges with small gaps: one read each. */
const rangesOf = (positions: readonly number[]): [number, number][] => {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const position of sorted) {
    const last = ranges.at(-1);
    if (last && position - last[1] <= MAX_GAP) last[1] = position;
    else ranges.push([position, position]);
  }
  return ranges;
};

/** The summaries of the events at these global positions; a position with no event is left out. */
export const summarizeEvents = async (
  store: EventStore,
  positions: readonly number[],
): Promise<Map<number, EventSummary>> => {
  const wanted = new Set(positions);
  const summaries = new Map<number, EventSummary>();
  for (const [first, last] of rangesOf(positions)) {
    const events = await store.readAll({ afterPosition: first - 1, maxCount: last - first + 1 });
    for (const event of events) {
      if (wanted.has(event.globalPosition)) summaries.set(event.globalPosition, summaryOf(event));
    }
  }
  return summaries;
};
