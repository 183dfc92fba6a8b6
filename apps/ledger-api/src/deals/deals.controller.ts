import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { dealCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { requireAllInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { RecordDealDto } from './deal.dto.js';

@EntityIdParams('dealId')
@ApiTags('deals')
@Controller('v1/deals/:dealId')
export class DealsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('record')
  @CommandEndpoint(
    'deals',
    'RecordDeal',
    'Record a won or lost deal; recording it again with other content is a 409',
  )
  record(
    @Param('dealId', EntityIdPipe) dealId: string,
    @Body() { leadId, campaignIds, objectionCategories, lossReason, ...deal }: RecordDealDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    requireAllInTaxonomy(this.config.objectionCategories, objectionCategories ?? [], 'objectionCategories');
    const command = {
      type: 'RecordDeal' as const,
      dealId,
      ...deal,
      leadId: leadId ?? null,
      campaignIds: campaignIds ?? [],
      objectionCategories: objectionCategories ?? [],
      lossReason: lossReason ?? null,
    };
    return this.bus.execute(new RunCommand(dealCapability, command, context));
  }
}
