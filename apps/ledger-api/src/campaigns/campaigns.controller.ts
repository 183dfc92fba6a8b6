import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { CampaignCommandMessage } from './campaign-command.js';
import {
  AcknowledgeBriefingDto,
  EndCampaignDto,
  LaunchCampaignDto,
  ProposeCampaignDto,
  ReportBlindsideDto,
  ReviewCampaignDto,
} from './campaign.dto.js';

@ApiTags('campaigns')
@Controller('v1/campaigns/:campaignId')
export class CampaignsController {
  constructor(private readonly bus: CommandBus) {}

  @Post('propose')
  @CommandEndpoint('ProposeCampaign', 'Share a draft campaign with sales before it is final')
  propose(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, ...draft }: ProposeCampaignDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'ProposeCampaign' as const, campaignId, ...draft };
    return sendCommand(this.bus, new CampaignCommandMessage(command, context, occurredAt), response);
  }

  @Post('review')
  @CommandEndpoint('ReviewCampaign', "A sales member's verdict on a proposed campaign (the stink test)")
  review(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, ...review }: ReviewCampaignDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'ReviewCampaign' as const, campaignId, ...review };
    return sendCommand(this.bus, new CampaignCommandMessage(command, context, occurredAt), response);
  }

  @Post('launch')
  @CommandEndpoint('LaunchCampaign', 'Launch a campaign (creates it if it was never proposed)')
  launch(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, ...brief }: LaunchCampaignDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'LaunchCampaign' as const, campaignId, ...brief };
    return sendCommand(this.bus, new CampaignCommandMessage(command, context, occurredAt), response);
  }

  @Post('acknowledge-briefing')
  @CommandEndpoint('AcknowledgeBriefing', 'A sales rep confirms they know the campaign (once per rep)')
  acknowledge(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, acknowledgedBy }: AcknowledgeBriefingDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'AcknowledgeBriefing' as const, campaignId, acknowledgedBy };
    return sendCommand(this.bus, new CampaignCommandMessage(command, context, occurredAt), response);
  }

  @Post('report-blindside')
  @CommandEndpoint('ReportBlindside', 'A sales rep heard of the campaign first from a customer')
  blindside(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, ...report }: ReportBlindsideDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'ReportBlindside' as const, campaignId, ...report };
    return sendCommand(this.bus, new CampaignCommandMessage(command, context, occurredAt), response);
  }

  @Post('end')
  @CommandEndpoint('EndCampaign', 'End a launched campaign')
  end(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, endedBy }: EndCampaignDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'EndCampaign' as const, campaignId, endedBy };
    return sendCommand(this.bus, new CampaignCommandMessage(command, context, occurredAt), response);
  }
}
