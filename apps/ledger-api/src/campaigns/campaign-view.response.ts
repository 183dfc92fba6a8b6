import { ApiProperty } from '@nestjs/swagger';
import type { CampaignView } from '#projections';
import { sameShape } from '../contract/same-shape.js';

const personId = { example: 'person-sam', pattern: '^[A-Za-z0-9._:-]{1,64}$' };

class CampaignReviewDto {
  @ApiProperty(personId) reviewedBy!: string;
  @ApiProperty({ enum: ['endorse', 'concerns'], example: 'concerns' }) verdict!: string;
  @ApiProperty({ example: 'The offer does not match what customers ask for' }) reasons!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time of the review' }) at!: string;
}

class BriefingDto {
  @ApiProperty({
    type: 'string',
    isArray: true,
    example: ['person-sam'],
    description: 'Reps who acknowledged, by T',
  })
  acknowledgedBy!: string[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    nullable: true,
    description: 'Sales roster size at launch; null for launches recorded before it was kept',
  })
  salesRosterSizeAtLaunch!: number | null;
}

class BlindsideDto {
  @ApiProperty(personId) reportedBy!: string;
  @ApiProperty({ example: 'ACME-4711', description: 'The CRM’s reference of the customer who told sales' })
  customerReference!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** GetCampaign's answer: the campaign as the ledger knew it at T. */
export class CampaignViewDto {
  @ApiProperty({ example: 'q4-renewal' }) campaignId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Q4 renewal push' }) name!: string | null;
  @ApiProperty({ enum: ['proposed', 'launched', 'ended', 'unknown'] })
  status!: 'proposed' | 'launched' | 'ended' | 'unknown';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) launchedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null until launched' })
  reviewedBySalesBeforeLaunch!: boolean | null;
  @ApiProperty({ type: [CampaignReviewDto] }) reviews!: CampaignReviewDto[];
  @ApiProperty({ type: BriefingDto }) briefing!: BriefingDto;
  @ApiProperty({ type: [BlindsideDto] }) blindsides!: BlindsideDto[];
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Σ amounts (minor units) of won deals closed by T that cite this campaign',
  })
  influencedRevenue!: number;
}

sameShape<CampaignView, CampaignViewDto>(true);
