import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { objectionCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { requireInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { LogObjectionDto } from './objection.dto.js';

@EntityIdParams('objectionId')
@ApiTags('objections')
@Controller('v1/objections/:objectionId')
export class ObjectionsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('log')
  @CommandEndpoint('objections', 'LogObjection', 'Log an objection a sales rep heard')
  log(
    @Param('objectionId', EntityIdPipe) objectionId: string,
    @Body() { dealId, campaignId, ...heard }: LogObjectionDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    requireInTaxonomy(this.config.objectionCategories, heard.category, 'category');
    const command = {
      type: 'LogObjection' as const,
      objectionId,
      ...heard,
      dealId: dealId ?? null,
      campaignId: campaignId ?? null,
    };
    return this.bus.execute(new RunCommand(objectionCapability, command, context));
  }
}
