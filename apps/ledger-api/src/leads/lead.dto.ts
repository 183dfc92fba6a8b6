import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { leadFollowUpChannels } from '#domain';
import { RejectionReason } from '../commands/configured-values.js';
import { EntityId, OccurredAt, OptionalEntityId, Text } from '../commands/dto-rules.js';

export class HandOffLeadDto {
  @EntityId('person-mia', 'Person id of the marketer handing it off')
  handedOffBy!: string;

  @EntityId('person-sam', 'Person id of the sales rep it is assigned to')
  assignedTo!: string;

  @OptionalEntityId('q4-renewal', 'The campaign the lead came from')
  sourceCampaignId?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class FollowUpLeadDto {
  @EntityId('person-sam', 'Person id of the sales rep who made contact')
  followedUpBy!: string;

  @ApiProperty({ enum: leadFollowUpChannels, example: 'phone' })
  @IsIn(leadFollowUpChannels)
  channel!: (typeof leadFollowUpChannels)[number];

  @OccurredAt()
  occurredAt?: string;
}

export class AcceptLeadDto {
  @EntityId('person-sam', 'Person id of the sales rep accepting it')
  decidedBy!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class RejectLeadDto {
  @EntityId('person-sam', 'Person id of the sales rep rejecting it')
  decidedBy!: string;

  @RejectionReason()
  reasonCode!: string;

  @Text(2000, 'Budget for next year is frozen until the merger closes')
  reasonText!: string;

  @OccurredAt()
  occurredAt?: string;
}
