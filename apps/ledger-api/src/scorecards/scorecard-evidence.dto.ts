import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  EVIDENCE_METRICS,
  type EvidenceMetric,
  MONEY_METRICS,
  RATIO_METRICS,
  SCORECARD_FACT_KINDS,
  type ScorecardFactKind,
} from '#projections';
import { QueryInteger, instantProperty, instantRules } from '../http/field-rules.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { MinPositionQuery } from '../projections/min-position.dto.js';
import { EventSummaryDto } from '../evidence/event-summary.dto.js';

/** Facts a page at a time: `next` links carry the offset. */
class FactPageQuery extends MinPositionQuery {
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

export class ScorecardEvidenceQuery extends IntersectionType(AsOfQuery, FactPageQuery) {
  @ApiProperty({
    enum: EVIDENCE_METRICS,
    example: 'leads.breached',
    description: `A figure of the scorecard, by its path in the answer. Counts: total equals the figure; money (${MONEY_METRICS.join(', ')}): the amounts sum to it; ratios (${RATIO_METRICS.join(', ')}): the facts of the numerator`,
  })
  @IsIn(EVIDENCE_METRICS, { message: `metric must be one of ${EVIDENCE_METRICS.join(', ')}` })
  metric!: EvidenceMetric;
}

export class LateFactsQuery extends FactPageQuery {
  @instantProperty({
    example: '2026-11-23T09:00:00Z',
    description: 'The instant compared with now: facts that happened before it and were recorded after it',
  })
  @instantRules()
  since!: string;
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

export class LateFactDto extends EvidenceFactDto {
  @ApiProperty({
    enum: SCORECARD_FACT_KINDS,
    example: 'lead-followed-up',
    description: 'What the fact counts as',
  })
  kind!: ScorecardFactKind;
}

export class LateFactsDto {
  @ApiProperty({ example: '2026-W47' }) period!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many facts were recorded late (all pages)' })
  total!: number;
  @ApiProperty({ type: [LateFactDto], description: 'By position' }) events!: LateFactDto[];
  @ApiProperty({ type: String, nullable: true, description: 'URL of the next page; null on the last' })
  next!: string | null;
}
