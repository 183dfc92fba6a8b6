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
import { LeadCommandMessage } from './lead-command.js';
import { AcceptLeadDto, FollowUpLeadDto, HandOffLeadDto, RejectLeadDto } from './lead.dto.js';

@ApiTags('leads')
@Controller('v1/leads/:leadId')
export class LeadsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('hand-off')
  @CommandEndpoint('HandOffLead', 'Marketing hands a lead to a named sales rep (once)')
  handOff(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() { occurredAt, handedOffBy, assignedTo, sourceCampaignId }: HandOffLeadDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = {
      type: 'HandOffLead' as const,
      leadId,
      handedOffBy,
      assignedTo,
      sourceCampaignId: sourceCampaignId ?? null,
    };
    return sendCommand(this.bus, new LeadCommandMessage(command, context, occurredAt), response);
  }

  @Post('follow-up')
  @CommandEndpoint('FollowUpLead', 'The rep contacted the lead (the first follow-up counts for the SLA)')
  followUp(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() { occurredAt, followedUpBy, channel }: FollowUpLeadDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    const command = { type: 'FollowUpLead' as const, leadId, followedUpBy, channel };
    return sendCommand(this.bus, new LeadCommandMessage(command, context, occurredAt), response);
  }

  @Post('accept')
  @CommandEndpoint('AcceptLead', 'Sales accepts a handed-off lead')
  accept(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() { occurredAt, decidedBy }: AcceptLeadDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    return sendCommand(
      this.bus,
      new LeadCommandMessage({ type: 'AcceptLead', leadId, decidedBy }, context, occurredAt),
      response,
    );
  }

  @Post('reject')
  @CommandEndpoint(
    'RejectLead',
    'Sales rejects a lead with a reason code and text: the quality feedback marketing needs',
  )
  reject(
    @Param('leadId', EntityIdPipe) leadId: string,
    @Body() { occurredAt, decidedBy, reasonCode, reasonText }: RejectLeadDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
    requireInTaxonomy(this.config.leadRejectionReasons, reasonCode, 'reasonCode');
    const command = { type: 'RejectLead' as const, leadId, decidedBy, reasonCode, reasonText };
    return sendCommand(this.bus, new LeadCommandMessage(command, context, occurredAt), response);
  }
}
