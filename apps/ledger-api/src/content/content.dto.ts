import { ObjectionCategory } from '../commands/configured-values.js';
import { EntityId, OccurredAt, Text, Url } from '../commands/dto-rules.js';

export class AddressObjectionDto {
  @ObjectionCategory()
  category!: string;

  @Text(300, 'ROI calculator: annual vs monthly')
  title!: string;

  @Url('https://content.example.com/roi-calculator', 2000)
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
