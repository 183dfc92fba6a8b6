import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ObjectionCategories, Currency } from '../commands/configured-values.js';
import {
  EntityId,
  EntityIdList,
  Instant,
  Integer,
  OccurredAt,
  OptionalEntityId,
} from '../commands/dto-rules.js';

export class RecordDealDto {
  @ApiProperty({ enum: ['won', 'lost'], example: 'won' })
  @IsIn(['won', 'lost'])
  outcome!: 'won' | 'lost';

  @Integer({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 1250000,
    description: 'Integer minor units (cents) of the ledger’s currency',
  })
  amount!: number;

  @Currency()
  currency!: string;

  @Instant('2026-11-19T16:00:00Z', 'When the deal closed (business time for the scorecard)')
  closedAt!: string;

  @EntityId('person-sam', 'Person id of the sales rep who owns the deal')
  owner!: string;

  @OptionalEntityId('lead-acme', 'The lead the deal came from')
  leadId?: string;

  @EntityIdList({
    maxItems: 50,
    example: ['q4-renewal'],
    description: 'The campaigns that influenced it',
    default: [],
    optional: true,
  })
  campaignIds?: string[];

  @ObjectionCategories('Objection categories met on the deal (default none)', { optional: true })
  objectionCategories?: string[];

  @ApiPropertyOptional({
    example: 'Chose the incumbent after a price match',
    description: 'Only on lost deals',
    minLength: 1,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  lossReason?: string;

  @OccurredAt()
  occurredAt?: string;
}
