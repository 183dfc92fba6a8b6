import { CommandHandler } from '@nestjs/cqrs';
import { type DealCommand, type DealEvent, type DealState, dealDecider, dealStreamId } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';
import { CapabilityHandler } from '../commands/capability.handler.js';

export class DealCommandMessage extends CapabilityCommand<DealCommand> {}

@CommandHandler(DealCommandMessage)
export class DealCommandHandler extends CapabilityHandler<DealCommand, DealEvent, DealState> {
  protected readonly decider = dealDecider;
  protected override readonly facts = { roster: true, currency: true };

  protected streamIdOf(command: DealCommand): string {
    return dealStreamId(command.dealId);
  }

  protected actorOf(command: DealCommand): string {
    return command.owner;
  }
}
