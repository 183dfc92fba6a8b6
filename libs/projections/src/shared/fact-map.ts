import { type DomainEvent, upcastStored } from '#domain';
import type { RecordedEvent } from '#event-store';

/**
 * What a read model makes of each event type of its union: a function giving
 * its rows, or null for a type it does not count. Every type must have an
 * entry, so an event type added to the domain does not compile until each
 * model that reads its union has decided about it.
 */
export type FactMap<E extends DomainEvent, Fact> = {
  [T in E['type']]: ((event: Extract<E, { type: T }>, recorded: RecordedEvent) => Fact[]) | null;
};

/** The event types a model folds: those its map does something with. */
export const mappedTypes = <E extends DomainEvent, Fact>(map: FactMap<E, Fact>): string[] =>
  Object.entries(map)
    .filter(([, facts]) => facts !== null)
    .map(([type]) => type);

/** The rows a stored event becomes, read through the domain's upcasters (or given, already upcast). */
export const factsOf = <E extends DomainEvent, Fact>(
  map: FactMap<E, Fact>,
  recorded: RecordedEvent,
  event: DomainEvent = upcastStored(recorded),
): Fact[] => {
  const facts = (map as Record<string, ((event: E, recorded: RecordedEvent) => Fact[]) | null>)[event.type];
  return facts ? facts(event as E, recorded) : [];
};

/** Every type of an event union, for a model that folds them all: a new type does not compile until listed. */
export const everyType = <E extends DomainEvent>(types: Record<E['type'], true>): string[] =>
  Object.keys(types);
