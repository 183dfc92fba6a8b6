import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { requireInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { AddressObjectionDto, LogObjectionDto, WithdrawContentDto } from './log-objection.dto.js';
import { ContentCommandMessage, ObjectionCommandMessage } from './objection-command.js';

@ApiTags('objections')
@Controller('v1')
export class ObjectionsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('objections/:objectionId/log')
  @CommandEndpoint('LogObjection', 'Log an objection a sales rep heard')
  log(
    @Param('objectionId', EntityIdPipe) objectionId: string,
    @Body() { occurredAt, dealId, campaignId, ...heard }: LogObjectionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    requireInTaxonomy(this.config.objectionCategories, heard.category, 'category');
    const command = {
      type: 'LogObjection' as const,
      objectionId,
      ...heard,
      dealId: dealId ?? null,
      campaignId: campaignId ?? null,
    };
    return sendCommand(this.bus, new ObjectionCommandMessage(command, context, occurredAt), response);
  }

  @Post('content/:contentId/address-objection')
  @CommandEndpoint('AddressObjection', 'Marketing publishes content that answers an objection category')
  address(
    @Param('contentId', EntityIdPipe) contentId: string,
    @Body() { occurredAt, ...content }: AddressObjectionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    requireInTaxonomy(this.config.objectionCategories, content.category, 'category');
    const command = { type: 'AddressObjection' as const, contentId, ...content };
    return sendCommand(this.bus, new ContentCommandMessage(command, context, occurredAt), response);
  }

  @Post('content/:contentId/withdraw')
  @CommandEndpoint('WithdrawContent', 'Withdraw published content')
  withdraw(
    @Param('contentId', EntityIdPipe) contentId: string,
    @Body() { occurredAt, withdrawnBy }: WithdrawContentDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'WithdrawContent' as const, contentId, withdrawnBy };
    return sendCommand(this.bus, new ContentCommandMessage(command, context, occurredAt), response);
  }
}
