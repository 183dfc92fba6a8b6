import { Inject } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { Decider, DomainEvent } from '#domain';
import type { AppendResult } from '#event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import type { CapabilityCommand } from './capability-command.js';
import { CommandPipeline } from './command-pipeline.js';
import { RosterReader } from './roster-reader.js';

/**
 * The handler of one capability: completes the command with the facts it
 * needs (the roster, the ledger's currency) and runs it through the pipeline.
 */
export abstract class CapabilityHandler<C, E extends DomainEvent, S> implements ICommandHandler<
  CapabilityCommand<C>
> {
  protected abstract readonly decider: Decider<C, E, S>;
  /** Which facts this capability's commands carry. */
  protected readonly facts: { roster: boolean; currency: boolean } = { roster: true, currency: false };

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly roster: RosterReader,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  protected abstract streamIdOf(command: C): string;
  /** The person acting, or null (an anonymous retro note). */
  protected abstract actorOf(command: C): string | null;

  async execute(message: CapabilityCommand<C>): Promise<AppendResult> {
    const command = {
      ...message.command,
      ...(this.facts.roster ? { roster: await this.roster.current() } : {}),
      ...(this.facts.currency ? { ledgerCurrency: this.config.currency } : {}),
    } as C;
    return this.pipeline.run({
      decider: this.decider,
      streamId: this.streamIdOf(command),
      command,
      context: message.context,
      actor: this.actorOf(command),
      occurredAt: message.occurredAt,
    });
  }
}
