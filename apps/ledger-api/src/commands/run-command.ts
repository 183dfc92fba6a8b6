import { Command } from '@nestjs/cqrs';
import type { Capability, DomainEvent, Requested } from '#domain';
import type { AppendResult } from '#event-store';
import type { CommandContext } from './command-context.js';

/**
 * The one message every command endpoint puts on the CommandBus: which
 * capability decides it, the command as the client asked for it, and the
 * request's context. The sender's business time rides along on the body and
 * is taken off here: it goes into the events' metadata, not their data.
 */
export class RunCommand<
  C extends { type: string } = { type: string },
  E extends DomainEvent = DomainEvent,
  S = unknown,
> extends Command<AppendResult> {
  readonly command: Requested<C>;
  readonly occurredAt: string | undefined;

  constructor(
    readonly capability: Capability<C, E, S>,
    request: NoInfer<Requested<C>> & { occurredAt?: string },
    readonly context: CommandContext,
  ) {
    super();
    const { occurredAt, ...command } = request;
    this.command = command as Requested<C>;
    this.occurredAt = occurredAt;
  }
}
