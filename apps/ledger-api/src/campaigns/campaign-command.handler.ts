import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CampaignCommand, campaignDecider, campaignStreamId } from '#domain';
import type { AppendResult } from '#event-store';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { RosterReader } from '../commands/roster-reader.js';
import { CampaignCommandMessage } from './campaign-command.js';

const actorOf = (command: CampaignCommand): string => {
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
};

@CommandHandler(CampaignCommandMessage)
export class CampaignCommandHandler implements ICommandHandler<CampaignCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly roster: RosterReader,
  ) {}

  async execute(message: CampaignCommandMessage): Promise<AppendResult> {
    const command = { ...message.command, roster: await this.roster.current() } as CampaignCommand;
    return this.pipeline.run({
      decider: campaignDecider,
      streamId: campaignStreamId(command.campaignId),
      command,
      context: message.context,
      actor: actorOf(command),
      occurredAt: message.occurredAt,
    });
  }
}
