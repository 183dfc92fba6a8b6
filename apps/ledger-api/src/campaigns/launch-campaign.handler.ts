import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStreamId } from '#domain';
import type { AppendResult } from '#event-store';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { LaunchCampaignCommand } from './launch-campaign.command.js';

@CommandHandler(LaunchCampaignCommand)
export class LaunchCampaignHandler implements ICommandHandler<LaunchCampaignCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context, occurredAt }: LaunchCampaignCommand): Promise<AppendResult> {
    return this.pipeline.run({
      decider: campaignDecider,
      streamId: campaignStreamId(command.campaignId),
      command,
      context,
      actor: command.launchedBy,
      occurredAt,
    });
  }
}
