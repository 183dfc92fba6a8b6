import { CommandHandler } from '@nestjs/cqrs';
import {
  type CampaignCommand,
  type CampaignEvent,
  type CampaignState,
  campaignDecider,
  campaignStreamId,
} from '#domain';
import { CapabilityHandler } from '../commands/capability.handler.js';
import { CampaignCommandMessage } from './campaign-command.js';

@CommandHandler(CampaignCommandMessage)
export class CampaignCommandHandler extends CapabilityHandler<CampaignCommand, CampaignEvent, CampaignState> {
  protected readonly decider = campaignDecider;

  protected streamIdOf(command: CampaignCommand): string {
    return campaignStreamId(command.campaignId);
  }

  protected actorOf(command: CampaignCommand): string {
    switch (command.type) {
      case 'ProposeCampaign':
        return command.proposedBy;
      case 'ReviewCampaign':
        return command.reviewedBy;
      case 'LaunchCampaign':
        return command.launchedBy;
      case 'AcknowledgeBriefing':
        return command.acknowledgedBy;
      case 'ReportBlindside':
        return command.reportedBy;
      case 'EndCampaign':
        return command.endedBy;
    }
  }
}
