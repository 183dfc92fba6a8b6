import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { leadCapability } from '#domain';
import type { AppendResult } from '#event-store';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { RunCommand } from '../commands/run-command.js';
import { requireInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { AcceptLeadDto, FollowUpLeadDto, HandOffLeadDto, RejectLeadDto } from './lead.dto.js';

@EntityIdParams('leadId')
@ApiTags('leads')
@Controller('v1/leads/:leadId')
export class LeadsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('hand-off')
  @CommandEndpoint('leads', 'HandOffLead', 'Marketing hands a lead to a named sales rep (once)')
  handOff(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() { sourceCampaignId, ...handOff }: HandOffLeadDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = {
      type: 'HandOffLead' as const,
      leadId,
      ...handOff,
      sourceCampaignId: sourceCampaignId ?? null,
    };
    return this.bus.execute(new RunCommand(leadCapability, command, context));
  }

  @Post('follow-up')
  @CommandEndpoint(
    'leads',
    'FollowUpLead',
    'The rep contacted the lead (the first follow-up counts for the SLA)',
  )
  followUp(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() followUp: FollowUpLeadDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'FollowUpLead' as const, leadId, ...followUp };
    return this.bus.execute(new RunCommand(leadCapability, command, context));
  }

  @Post('accept')
  @CommandEndpoint('leads', 'AcceptLead', 'Sales accepts a handed-off lead')
  accept(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() decision: AcceptLeadDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    const command = { type: 'AcceptLead' as const, leadId, ...decision };
    return this.bus.execute(new RunCommand(leadCapability, command, context));
  }

  @Post('reject')
  @CommandEndpoint(
    'leads',
    'RejectLead',
    'Sales rejects a lead with a reason code and text: the quality feedback marketing needs',
  )
  reject(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() decision: RejectLeadDto,
    @CommandCtx() context: CommandContext,
  ): Promise<AppendResult> {
    requireInTaxonomy(this.config.leadRejectionReasons, decision.reasonCode, 'reasonCode');
    const command = { type: 'RejectLead' as const, leadId, ...decision };
    return this.bus.execute(new RunCommand(leadCapability, command, context));
  }
}
