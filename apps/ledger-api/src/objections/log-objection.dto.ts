import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Length } from 'class-validator';
import { EntityId, OccurredAt, OptionalEntityId, Text } from '../commands/dto-rules.js';

const Category = () =>
  ApiProperty({
    example: 'price',
    description:
      'From the ledger’s objection taxonomy (LEDGER_OBJECTION_CATEGORIES; default price, timing, competitor, feature-gap, integration, trust, other)',
  });

export class LogObjectionDto {
  @Category()
  @IsString()
  @Length(1, 50)
  category!: string;

  @Text(2000, 'They pay less with the incumbent and see no reason to switch')
  text!: string;

  @EntityId('person-sam', 'Person id of the sales rep who heard it')
  heardBy!: string;

  @OptionalEntityId('deal-acme-2026', 'The deal it was heard on')
  dealId?: string;

  @OptionalEntityId('q3-upsell', 'The campaign it responds to')
  campaignId?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class AddressObjectionDto {
  @Category()
  @IsString()
  @Length(1, 50)
  category!: string;

  @Text(300, 'ROI calculator: annual vs monthly')
  title!: string;

  @ApiProperty({ example: 'https://content.example.com/roi-calculator' })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @Length(1, 2000)
  url!: string;

  @EntityId('person-mia', 'Person id of the marketer publishing it')
  publishedBy!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class WithdrawContentDto {
  @EntityId('person-mia', 'Person id of the marketer withdrawing it')
  withdrawnBy!: string;

  @OccurredAt()
  occurredAt?: string;
}
