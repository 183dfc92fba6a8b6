import { CommandHandler } from '@nestjs/cqrs';
import {
  type CelebrationCommand,
  type CelebrationEvent,
  type CelebrationState,
  celebrationDecider,
  celebrationStreamId,
} from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';
import { CapabilityHandler } from '../commands/capability.handler.js';

export class CelebrationCommandMessage extends CapabilityCommand<CelebrationCommand> {}

@CommandHandler(CelebrationCommandMessage)
export class CelebrationCommandHandler extends CapabilityHandler<
  CelebrationCommand,
  CelebrationEvent,
  CelebrationState
> {
  protected readonly decider = celebrationDecider;

  protected streamIdOf(command: CelebrationCommand): string {
    return celebrationStreamId(command.celebrationId);
  }

  protected actorOf(): null {
    return null;
  }
}
