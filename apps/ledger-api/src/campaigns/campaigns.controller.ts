import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { type CommandResultDto, sendCommandResult } from '../commands/command-response.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { LaunchCampaignCommand } from './launch-campaign.command.js';
import { LaunchCampaignDto } from './launch-campaign.dto.js';

@ApiTags('campaigns')
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':campaignId/launch')
  @CommandEndpoint('LaunchCampaign', 'Launch a campaign (creates it if it was never proposed)')
  async launch(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Body() { occurredAt, ...brief }: LaunchCampaignDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const result = await this.commands.execute(
      new LaunchCampaignCommand({ type: 'LaunchCampaign', campaignId, ...brief }, context, occurredAt),
    );
    return sendCommandResult(response, result);
  }
}
