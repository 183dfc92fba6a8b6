/** An event as the domain knows it: a string-literal type and its data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** Each event type of a union and its current schema version: a type left out does not compile. */
export type SchemaVersions<E extends DomainEvent> = Record<E['type'], number>;

/**
 * The pure core of a stream: `decide` turns a command into events against the
 * current state, `evolve` folds one event into the state. No I/O, no clock.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  /**
   * For commands that may repeat harmlessly (decide returns no events): the
   * index of the earlier event that already did what the command asks, so the
   * caller can answer with that event's result.
   */
  precedent?(command: Command, history: readonly Event[]): number;
}

export const fold = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState);
