import type { EventStore } from '#event-store';
import type { EvidenceFact } from '#projections';
import { type EventSummary, summarizeEvents } from './event-summaries.js';

/** One page of facts, each with the summary of the event that recorded it; `nextOffset` null on the last. */
export const factPage = async <F extends EvidenceFact>(
  store: EventStore,
  facts: readonly F[],
  { offset, limit }: { offset: number; limit: number },
): Promise<{ total: number; events: (EventSummary & Omit<F, 'position'>)[]; nextOffset: number | null }> => {
  const page = facts.slice(offset, offset + limit);
  const summaries = await summarizeEvents(
    store,
    page.map((fact) => fact.position),
  );
  const end = offset + page.length;
  return {
    total: facts.length,
    // A fact's event is in the log: the read model folded it from there. The fact's business time is the one
    // its period buckets by.
    events: page.flatMap((fact) => {
      const summary = summaries.get(fact.position);
      return summary ? [{ ...summary, ...fact }] : [];
    }),
    nextOffset: end < facts.length ? end : null,
  };
};
