import type { EventStore } from '#event-store';
import type { EvidenceFact } from '#projections';
import { type EventSummary, summarizeEvents } from './event-summaries.js';

/** Where a page was asked for: the path, and the query parameters every page keeps (undefined: left out). */
interface PageRequest {
  path: string;
  keep: Record<string, string | undefined>;
  offset: number;
  limit: number;
}

const linkTo = ({ path, keep, limit }: PageRequest, offset: number): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(keep)) if (value !== undefined) params.set(name, value);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return `${path}?${params.toString()}`;
};

/** One page of facts, each with the summary of the event that recorded it, and the link to the next (null on the last). */
export const factPage = async <F extends EvidenceFact>(
  store: EventStore,
  facts: readonly F[],
  request: PageRequest,
): Promise<{ total: number; events: (EventSummary & Omit<F, 'position'>)[]; next: string | null }> => {
  const { offset, limit } = request;
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
    next: end < facts.length ? linkTo(request, end) : null,
  };
};
