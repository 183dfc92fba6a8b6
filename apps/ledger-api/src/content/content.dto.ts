import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, Length } from 'class-validator';
import { EntityId, ObjectionCategory, OccurredAt, Text } from '../commands/dto-rules.js';

export class AddressObjectionDto {
  @ObjectionCategory()
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
