import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { Scorecard } from '#projections';
import { sameShape } from '../contract/same-shape.js';

const count = (description?: string): ApiPropertyOptions => ({
  type: 'integer',
  minimum: 0,
  example: 3,
  description,
});
const minorUnits = (description: string): ApiPropertyOptions => ({
  type: 'integer',
  minimum: 0,
  example: 1250000,
  description,
});
/** A fraction 0–1, or with `maximum` null one without a ceiling (attainment beyond the goal). */
const ratio = (description: string, maximum: number | null = 1): ApiPropertyOptions => ({
  type: 'number',
  minimum: 0,
  ...(maximum === null ? {} : { maximum }),
  nullable: true,
  example: 0.75,
  description: `${description}; null where the denominator is 0`,
});
const countsByCode = (description: string): ApiPropertyOptions => ({
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0 },
  example: { price: 4, timing: 1 },
  description,
});

class GoalDto {
  @ApiProperty(minorUnits('Revenue target, integer minor units')) revenueTarget!: number;
  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' }) currency!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 720, example: 24 }) leadFollowUpSlaHours!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Stream revision of the goal set' })
  revision!: number;
}

class RevenueDto {
  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' }) currency!: string;
  @ApiProperty(minorUnits('Σ amounts of deals won (closedAt) in the period')) won!: number;
  @ApiProperty(ratio('won / the goal’s revenueTarget', null)) attainment!: number | null;
  @ApiProperty(minorUnits('Σ amounts of won deals citing a campaign')) campaignInfluenced!: number;
}

class DealsDto {
  @ApiProperty(count()) won!: number;
  @ApiProperty(count()) lost!: number;
  @ApiProperty(ratio('won / (won + lost)')) winRate!: number | null;
}

class LeadsDto {
  @ApiProperty(count()) handedOff!: number;
  @ApiProperty(count('First follow-up within the SLA')) withinSla!: number;
  @ApiProperty(count('Followed up late, or not yet and past the deadline')) breached!: number;
  @ApiProperty(ratio('withinSla / (withinSla + breached)')) slaCompliance!: number | null;
  @ApiProperty({
    type: 'number',
    minimum: 0,
    nullable: true,
    example: 95,
    description: 'Median minutes to first follow-up',
  })
  medianResponseMinutes!: number | null;
  @ApiProperty(count()) accepted!: number;
  @ApiProperty(count()) rejected!: number;
  @ApiProperty(countsByCode('Rejections by reason code')) rejectionReasons!: Record<string, number>;
}

class CampaignsDto {
  @ApiProperty(count()) launched!: number;
  @ApiProperty(count('Launched after a sales review')) reviewedBeforeLaunch!: number;
  @ApiProperty(ratio('Distinct acknowledging reps / sales roster at launch, summed')) briefingCoverage!:
    number | null;
  @ApiProperty(count()) blindsides!: number;
}

class ObjectionsDto {
  @ApiProperty(count()) logged!: number;
  @ApiProperty(countsByCode('Objections by category')) byCategory!: Record<string, number>;
  @ApiProperty(ratio('Share of objections whose category has live content')) coverage!: number | null;
}

class HuddlesDto {
  @ApiProperty(count()) held!: number;
  @ApiProperty(count('With at least one attendee from each team')) joint!: number;
  @ApiProperty(ratio('ISO weeks with a joint huddle / elapsed weeks')) weeklyCadence!: number | null;
}

class ActionItemsDto {
  @ApiProperty(count()) opened!: number;
  @ApiProperty(count()) completed!: number;
  @ApiProperty(count('Past due and not completed at T')) overdue!: number;
}

class CelebrationsDto {
  @ApiProperty(count('Celebrations with both teams')) joint!: number;
}

class BlameDto {
  @ApiProperty(count('Free texts the blame screen flagged')) flagged!: number;
}

/** GetScorecard's answer: the numbers both teams are judged on. */
export class ScorecardDto {
  @ApiProperty({ example: '2026-Q4', pattern: '^\\d{4}-(W\\d{2}|\\d{2}|Q[1-4])$' }) period!: string;
  @ApiProperty({ format: 'date-time', description: 'First instant of the period (inclusive), UTC' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive), UTC' }) to!: string;
  @ApiProperty({ format: 'date-time', description: 'T: the instant evaluated (asOf, or now)' }) at!: string;
  @ApiProperty({ type: GoalDto, nullable: true, description: 'The latest shared goal known at T' })
  goal!: GoalDto | null;
  @ApiProperty({ type: RevenueDto }) revenue!: RevenueDto;
  @ApiProperty({ type: DealsDto }) deals!: DealsDto;
  @ApiProperty({ type: LeadsDto }) leads!: LeadsDto;
  @ApiProperty({ type: CampaignsDto }) campaigns!: CampaignsDto;
  @ApiProperty({ type: ObjectionsDto }) objections!: ObjectionsDto;
  @ApiProperty({ type: HuddlesDto }) huddles!: HuddlesDto;
  @ApiProperty({ type: ActionItemsDto }) actionItems!: ActionItemsDto;
  @ApiProperty({ type: CelebrationsDto }) celebrations!: CelebrationsDto;
  @ApiProperty({ type: BlameDto }) blame!: BlameDto;
}

sameShape<Scorecard, ScorecardDto>(true);
