import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CalendarDate, EntityId, OccurredAt, Text, TextList } from '../commands/dto-rules.js';

class CampaignBriefDto {
  @Text(200, 'Q3 upsell to annual plans')
  name!: string;

  @Text(1000, '20% off when switching from monthly to annual')
  offer!: string;

  @TextList(20, 50, ['email', 'webinar'])
  channels!: string[];

  @Text(1000, 'Mid-market customers on monthly plans')
  audience!: string;

  @TextList(20, 500, ['Two months free', 'Price locked for a year'])
  talkingPoints!: string[];

  @OccurredAt()
  occurredAt?: string;
}

export class ProposeCampaignDto extends CampaignBriefDto {
  @CalendarDate('2026-07-01', 'Planned launch date')
  plannedLaunchDate!: string;

  @EntityId('person-mia', 'Person id of the marketer who proposes it')
  proposedBy!: string;
}

export class LaunchCampaignDto extends CampaignBriefDto {
  @EntityId('person-mia', 'Person id of the marketer who launches it')
  launchedBy!: string;
}

export class ReviewCampaignDto {
  @EntityId('person-sam', 'Person id of the sales member reviewing')
  reviewedBy!: string;

  @ApiProperty({ enum: ['endorse', 'concerns'], example: 'concerns' })
  @IsIn(['endorse', 'concerns'])
  verdict!: 'endorse' | 'concerns';

  @Text(2000, 'The discount undercuts renewal pricing for existing annual customers')
  reasons!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class AcknowledgeBriefingDto {
  @EntityId('person-sam', 'Person id of the sales rep who knows the campaign')
  acknowledgedBy!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class ReportBlindsideDto {
  @EntityId('person-sam', 'Person id of the sales rep who was blindsided')
  reportedBy!: string;

  @Text(200, 'acme-corp')
  customerReference!: string;

  @Text(2000, 'Customer quoted the 20% offer on a renewal call before I had seen it')
  note!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class EndCampaignDto {
  @EntityId('person-mia', 'Person id of the marketer ending it')
  endedBy!: string;

  @OccurredAt()
  occurredAt?: string;
}
