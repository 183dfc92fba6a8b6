import { CommandHandler } from '@nestjs/cqrs';
import { type LeadCommand, type LeadEvent, type LeadState, leadDecider, leadStreamId } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';
import { CapabilityHandler } from '../commands/capability.handler.js';

export class LeadCommandMessage extends CapabilityCommand<LeadCommand> {}

@CommandHandler(LeadCommandMessage)
export class LeadCommandHandler extends CapabilityHandler<LeadCommand, LeadEvent, LeadState> {
  protected readonly decider = leadDecider;

  protected streamIdOf(command: LeadCommand): string {
    return leadStreamId(command.leadId);
  }

  protected actorOf(command: LeadCommand): string {
    switch (command.type) {
      case 'HandOffLead':
        return command.handedOffBy;
      case 'FollowUpLead':
        return command.followedUpBy;
      case 'AcceptLead':
      case 'RejectLead':
        return command.decidedBy;
    }
  }
}
