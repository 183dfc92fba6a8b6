import { CommandHandler } from '@nestjs/cqrs';
import { type GoalCommand, type GoalEvent, type GoalState, goalDecider, goalStreamId } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';
import { CapabilityHandler } from '../commands/capability.handler.js';

export class GoalCommandMessage extends CapabilityCommand<GoalCommand> {}

@CommandHandler(GoalCommandMessage)
export class GoalCommandHandler extends CapabilityHandler<GoalCommand, GoalEvent, GoalState> {
  protected readonly decider = goalDecider;
  protected override readonly facts = { roster: true, currency: true };

  protected streamIdOf(command: GoalCommand): string {
    return goalStreamId(command.period);
  }

  protected actorOf(command: GoalCommand): string {
    return command.setBy;
  }
}
