import type { Decider, DomainEvent } from './decider.js';
import type { RosterLookup } from './roster-lookup.js';

/** What the ledger, not the client, puts into a command before it is decided. */
export interface LedgerInputs {
  /** Who is on which team now, folded from the roster stream. */
  roster: RosterLookup;
  /** The currency the ledger counts money in (its configuration). */
  ledgerCurrency: string;
}

export type LedgerInput = keyof LedgerInputs;

/** A command as a client asks for it: without the ledger's inputs (distributes over unions). */
export type Requested<C> = C extends unknown ? Omit<C, LedgerInput> : never;

/** The ledger inputs some command of the union carries. */
type InputsOf<C> = C extends unknown ? Extract<keyof C, LedgerInput> : never;

/** The fields of a command that can name a person: a string, or null when nobody is named. */
type PersonField<C> = Exclude<{ [K in keyof C]-?: C[K] extends string | null ? K : never }[keyof C], 'type'>;

type CommandOf<C, T> = Extract<C, { type: T }>;

/** How one command type is decided, and who acts in it. */
interface CommandDefinition<C, E extends DomainEvent, S> {
  decide(command: C, state: S): E[];
  /** The field naming the person acting; null when the command names no actor. */
  actor: PersonField<C> | null;
  /** For a command that may repeat harmlessly: see Decider.precedent. */
  precedent?(command: C, history: readonly E[]): number;
}

/** A capability as a domain folder writes it: one entry per command type, none left out. */
interface CapabilityDefinition<C extends { type: string }, E extends DomainEvent, S> {
  initialState: S;
  evolve(state: S, event: E): S;
  /** The stream a command is decided against and appended to. */
  streamIdOf(command: Requested<C>): string;
  /** The ledger inputs its commands carry, read once per command before it is decided. */
  inputs: { [I in InputsOf<C>]: true };
  commands: { [T in C['type']]: CommandDefinition<CommandOf<C, T>, E, S> };
}

/**
 * Everything the write path needs of one capability: its decider (initial
 * state, evolve, decide), where a command is appended, who acts in it, and
 * which ledger inputs to read for it. One generic handler runs them all.
 */
export interface Capability<C extends { type: string }, E extends DomainEvent, S> extends Decider<C, E, S> {
  streamIdOf(command: Requested<C>): string;
  /** The person acting, or null (an anonymous retro note, a roster change). */
  actorOf(command: Requested<C>): string | null;
  inputs: readonly LedgerInput[];
}

export const capability = <C extends { type: string }, E extends DomainEvent, S>(
  definition: CapabilityDefinition<C, E, S>,
): Capability<C, E, S> => {
  // One lookup per command: the mapped type above guarantees an entry for each type.
  const commandOf = (type: C['type']) => definition.commands[type] as unknown as CommandDefinition<C, E, S>;
  return {
    initialState: definition.initialState,
    evolve: definition.evolve,
    streamIdOf: definition.streamIdOf,
    inputs: Object.keys(definition.inputs) as LedgerInput[],
    decide: (command, state) => commandOf(command.type).decide(command, state),
    precedent: (command, history) => commandOf(command.type).precedent?.(command, history) ?? -1,
    actorOf: (command) => {
      const field = commandOf(command.type).actor;
      const actor = field === null ? null : (command as Record<string, unknown>)[field as string];
      return typeof actor === 'string' ? actor : null;
    },
  };
};
