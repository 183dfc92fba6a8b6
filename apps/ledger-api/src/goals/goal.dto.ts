import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_LEAD_FOLLOW_UP_SLA_HOURS } from '#domain';
import { EntityId, OccurredAt } from '../commands/dto-rules.js';

export class SetSharedGoalDto {
  @ApiProperty({ example: 50000000, description: 'Revenue target in integer minor units (cents)' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  revenueTarget!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217; must be the ledger’s currency (LEDGER_CURRENCY)' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiPropertyOptional({ example: 24, default: 24, minimum: 1, maximum: MAX_LEAD_FOLLOW_UP_SLA_HOURS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LEAD_FOLLOW_UP_SLA_HOURS)
  leadFollowUpSlaHours?: number;

  @EntityId('person-mia', 'Person id of who sets it (either team)')
  setBy!: string;

  @OccurredAt()
  occurredAt?: string;
}
