import { MAX_LEAD_FOLLOW_UP_SLA_HOURS } from '#domain';
import { Currency } from '../commands/configured-values.js';
import { EntityId, Integer, OccurredAt } from '../commands/dto-rules.js';

export class SetSharedGoalDto {
  @Integer({
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 50000000,
    description: 'Revenue target in integer minor units (cents) of the ledger’s currency',
  })
  revenueTarget!: number;

  @Currency()
  currency!: string;

  @Integer({
    minimum: 1,
    maximum: MAX_LEAD_FOLLOW_UP_SLA_HOURS,
    example: 24,
    default: 24,
    description: 'Hours a handed-off lead may wait for its first follow-up',
    optional: true,
  })
  leadFollowUpSlaHours?: number;

  @EntityId('person-mia', 'Person id of who sets it (either team)')
  setBy!: string;

  @OccurredAt()
  occurredAt?: string;
}
