import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { EntityId, Instant, OccurredAt, OptionalEntityId, TextItems } from '../commands/dto-rules.js';
import { ENTITY_ID } from '../commands/entity-id.pipe.js';

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
