import { EntityId, OccurredAt, Text, TextList } from '../commands/dto-rules.js';

export class LaunchCampaignDto {
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

  @EntityId('person-mia', 'Person id of the marketer who launches it')
  launchedBy!: string;

  @OccurredAt()
  occurredAt?: string;
}
