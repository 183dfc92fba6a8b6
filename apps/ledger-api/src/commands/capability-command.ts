import { Command } from '@nestjs/cqrs';
import type { RosterLookup } from '#domain';
import type { AppendResult } from '#event-store';
import type { CommandContext } from './command-context.js';

/** A domain command as the HTTP layer builds it: the roster is added by the handler. */
export type Unrostered<C> = C extends { roster: RosterLookup } ? Omit<C, 'roster'> : C;

/**
 * What a controller puts on the CommandBus: the domain command, the request's
 * context and the sender's business time. One subclass per capability, so
 * that each capability has its own handler.
 */
export abstract class CapabilityCommand<C> extends Command<AppendResult> {
  constructor(
    readonly command: Unrostered<C>,
    readonly context: CommandContext,
    readonly occurredAt: string | undefined,
  ) {
    super();
  }
}
