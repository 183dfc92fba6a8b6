import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { campaignCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import {
  AcknowledgeBriefingDto,
  EndCampaignDto,
  LaunchCampaignDto,
  ProposeCampaignDto,
  ReportBlindsideDto,
  ReviewCampaignDto,
} from './campaign.dto.js';

@EntityIdParams('campaignId')
@ApiTags('campaigns')
@Controller('v1/campaigns/:campaignId')
export class CampaignsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('propose')
  @CommandEndpoint('campaigns', 'ProposeCampaign', 'Share a draft campaign with sales before it is final')
  propose(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() draft: ProposeCampaignDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'ProposeCampaign' as const, campaignId, ...draft };
    return this.bus.execute(new RunCommand(campaignCapability, command, context));
  }

  @Post('review')
  @CommandEndpoint(
    'campaigns',
    'ReviewCampaign',
    "A sales member's verdict on a proposed campaign (the stink test)",
  )
  review(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() review: ReviewCampaignDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'ReviewCampaign' as const, campaignId, ...review };
    return this.bus.execute(new RunCommand(campaignCapability, command, context));
  }

  @Post('launch')
  @CommandEndpoint('campaigns', 'LaunchCampaign', 'Launch a campaign (creates it if it was never proposed)')
  launch(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() brief: LaunchCampaignDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'LaunchCampaign' as const, campaignId, ...brief };
    return this.bus.execute(new RunCommand(campaignCapability, command, context));
  }

  @Post('acknowledge-briefing')
  @CommandEndpoint(
    'campaigns',
    'AcknowledgeBriefing',
    'A sales rep confirms they know the campaign (once per rep)',
  )
  acknowledge(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() acknowledgement: AcknowledgeBriefingDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'AcknowledgeBriefing' as const, campaignId, ...acknowledgement };
    return this.bus.execute(new RunCommand(campaignCapability, command, context));
  }

  @Post('report-blindside')
  @CommandEndpoint('campaigns', 'ReportBlindside', 'A sales rep heard of the campaign first from a customer')
  blindside(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() report: ReportBlindsideDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'ReportBlindside' as const, campaignId, ...report };
    return this.bus.execute(new RunCommand(campaignCapability, command, context));
  }

  @Post('end')
  @CommandEndpoint('campaigns', 'EndCampaign', 'End a launched campaign')
  end(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() end: EndCampaignDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'EndCampaign' as const, campaignId, ...end };
    return this.bus.execute(new RunCommand(campaignCapability, command, context));
  }
}
