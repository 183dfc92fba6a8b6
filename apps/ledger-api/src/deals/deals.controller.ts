import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { Response } from 'express';
import { type CommandContext, CommandCtx } from '../commands/command-context.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import type { CommandResultDto } from '../commands/command-response.js';
import { EntityId, Instant, OccurredAt, OptionalEntityId, TextItems } from '../commands/dto-rules.js';
import { ENTITY_ID, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { sendCommand } from '../commands/send-command.js';
import { requireAllInTaxonomy } from '../commands/taxonomy.js';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DealCommandMessage } from './deal-command.js';

export class RecordDealDto {
  @ApiProperty({ enum: ['won', 'lost'], example: 'won' })
  @IsIn(['won', 'lost'])
  outcome!: 'won' | 'lost';

  @ApiProperty({ example: 1250000, description: 'Integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217; must be the ledger’s currency (LEDGER_CURRENCY)' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @Instant('2026-11-19T16:00:00Z', 'When the deal closed (business time for the scorecard)')
  closedAt!: string;

  @EntityId('person-sam', 'Person id of the sales rep who owns the deal')
  owner!: string;

  @OptionalEntityId('lead-acme', 'The lead the deal came from')
  leadId?: string;

  @ApiPropertyOptional({ type: [String], example: ['q4-renewal'], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ENTITY_ID, { each: true, message: 'each campaign id must be 1–64 characters of A-Za-z0-9._:-' })
  campaignIds?: string[];

  @TextItems(20, 50, ['price'], 'Objection categories met on the deal (default none)', { optional: true })
  objectionCategories?: string[];

  @ApiPropertyOptional({
    example: 'Chose the incumbent after a price match',
    description: 'Only on lost deals',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  lossReason?: string;

  @OccurredAt()
  occurredAt?: string;
}

@ApiTags('deals')
@Controller('v1/deals/:dealId')
export class DealsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post('record')
  @CommandEndpoint('RecordDeal', 'Record a won or lost deal; recording it again with other content is a 409')
  record(
    @Param('dealId', EntityIdPipe) dealId: string,
    @Body() { occurredAt, leadId, campaignIds, objectionCategories, lossReason, ...deal }: RecordDealDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResultDto> {
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
    return sendCommand(this.bus, new DealCommandMessage(command, context, occurredAt), response);
  }
}
