import type { DomainEvent } from '../src/index.js';

/** One command of a capability, by its type: the domain exports capabilities, not each command. */
export type CommandOf<
  Capability extends { decide: (...args: never[]) => unknown },
  Type extends string,
> = Extract<Parameters<Capability['decide']>[0], { type: Type }>;

/**
 * Builders of a canonical command and of the event it is decided into, each
 * taking the fields to replace (for the event, fields of its data).
 */
export const builders = <Command extends object, Event extends DomainEvent>(command: Command, event: Event) =>
  [
    (overrides: Partial<Command> = {}): Command => ({ ...command, ...overrides }),
    (overrides: Partial<Event['data']> = {}): Event => ({ ...event, data: { ...event.data, ...overrides } }),
  ] as const;
