import { ObjectionCategory } from '../commands/configured-values.js';
import { EntityId, OccurredAt, OptionalEntityId, Text } from '../commands/dto-rules.js';

export class LogObjectionDto {
  @ObjectionCategory()
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
