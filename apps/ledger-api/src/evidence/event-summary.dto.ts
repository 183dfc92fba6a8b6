import { ApiProperty } from '@nestjs/swagger';
import { sameShape } from '../contract/same-shape.js';
import type { EventSummary } from './event-summaries.js';

/** An event as evidence: what, when, who, where and its hash, without its data. */
export class EventSummaryDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 17,
    description: 'Global position: GET /v1/events/{position} (scope audit) gives the whole event',
  })
  position!: number;

  @ApiProperty({ example: 'DealRecorded' }) type!: string;
  @ApiProperty({ example: 'deal-d-0042' }) streamId!: string;

  @ApiProperty({ format: 'date-time', description: 'Business time: when it happened' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Knowledge time: when the ledger recorded it' })
  recordedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'p-07',
    description: 'The person acting in the business (an id; names are personal data), or null',
  })
  actor!: string | null;

  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    description: 'The event’s link in the hash chain (SHA-256, hex)',
  })
  hash!: string;
}

sameShape<EventSummary, EventSummaryDto>(true);
