import { CommandHandler } from '@nestjs/cqrs';
import { type RetroCommand, type RetroEvent, type RetroState, retroDecider, retroStreamId } from '#domain';
import { CapabilityHandler } from '../commands/capability.handler.js';
import { RetroCommandMessage } from './retro-command.js';

@CommandHandler(RetroCommandMessage)
export class RetroCommandHandler extends CapabilityHandler<RetroCommand, RetroEvent, RetroState> {
  protected readonly decider = retroDecider;

  protected streamIdOf(command: RetroCommand): string {
    return retroStreamId(command.retroId);
  }

  /** An anonymous note has no actor: nothing identifying its author reaches the log. */
  protected actorOf(command: RetroCommand): string | null {
    switch (command.type) {
      case 'OpenRetro':
        return command.facilitator;
      case 'AddRetroNote':
        return command.author;
      case 'CloseRetro':
        return command.closedBy;
      case 'CompleteRetroActionItem':
        return command.completedBy;
    }
  }
}
