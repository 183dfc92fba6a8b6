import { CommandHandler } from '@nestjs/cqrs';
import {
  type HuddleCommand,
  type HuddleEvent,
  type HuddleState,
  huddleDecider,
  huddleStreamId,
} from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';
import { CapabilityHandler } from '../commands/capability.handler.js';

export class HuddleCommandMessage extends CapabilityCommand<HuddleCommand> {}

@CommandHandler(HuddleCommandMessage)
export class HuddleCommandHandler extends CapabilityHandler<HuddleCommand, HuddleEvent, HuddleState> {
  protected readonly decider = huddleDecider;

  protected streamIdOf(command: HuddleCommand): string {
    return huddleStreamId(command.huddleId);
  }

  protected actorOf(command: HuddleCommand): string | null {
    return command.type === 'CompleteActionItem' ? command.completedBy : null;
  }
}
