import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EVIDENCE_METRICS, type EvidenceMetric, MONEY_METRICS } from '#projections';
import { QueryInteger } from '../http/field-rules.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { EventSummaryDto } from '../evidence/event-summary.dto.js';

export class ScorecardEvidenceQuery extends AsOfQuery {
  @ApiProperty({
    enum: EVIDENCE_METRICS,
    example: 'leads.breached',
    description: `A figure of the scorecard, by its path in the answer. Counts: total equals the figure; money (${MONEY_METRICS.join(', ')}): the amounts sum to it`,
  })
  @IsIn(EVIDENCE_METRICS, { message: `metric must be one of ${EVIDENCE_METRICS.join(', ')}` })
  metric!: EvidenceMetric;

  @QueryInteger({ minimum: 1, maximum: 10_000, example: 100, default: 1000, description: 'Facts per page' })
  limit: number = 1000;

  @QueryInteger({
    minimum: 0,
    maximum: 1_000_000_000,
    example: 0,
    default: 0,
    description: 'Facts to pass over (paging)',
  })
  offset: number = 0;
}

/** One fact a figure counts, and the event that recorded it. */
export class EvidenceFactDto extends EventSummaryDto {
  @ApiProperty({
    example: 'lead-0042',
    description: 'What the fact is about: a deal, lead, campaign, objection, huddle or action item id',
  })
  subject!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Money in minor units, for the facts of the money figures; else null',
  })
  amount!: number | null;
}

export class ScorecardEvidenceDto {
  @ApiProperty({ example: '2026-W47' }) period!: string;
  @ApiProperty({ enum: EVIDENCE_METRICS }) metric!: EvidenceMetric;
  @ApiProperty({ format: 'date-time', description: 'T: the instant evaluated (asOf, or now)' }) at!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'How many facts the figure counts (all pages): equals a count figure',
  })
  total!: number;

  @ApiProperty({
    type: [EvidenceFactDto],
    description: 'By position, then subject; one per fact (a huddle opening three items is three)',
  })
  events!: EvidenceFactDto[];

  @ApiProperty({ type: String, nullable: true, description: 'URL of the next page; null on the last' })
  next!: string | null;
}
