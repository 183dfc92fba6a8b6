import { Command } from '@nestjs/cqrs';
import type { AppendResult } from '#event-store';
import type { CommandContext } from './command-context.js';

/** Facts the handler adds to a command when it is decided, rather than the client. */
type HandlerFacts = 'roster' | 'ledgerCurrency';

/** A domain command as the HTTP layer builds it (distributes over unions). */
export type RequestedCommand<C> = C extends unknown ? Omit<C, HandlerFacts> : never;

/**
 * What a controller puts on the CommandBus: the domain command, the request's
 * context and the sender's business time. One subclass per capability, so
 * that each capability has its own handler.
 */
export abstract class CapabilityCommand<C> extends Command<AppendResult> {
  constructor(
    readonly command: RequestedCommand<C>,
    readonly context: CommandContext,
    readonly occurredAt: string | undefined,
  ) {
    super();
  }
}
