import { CalendarDate, EntityId, Text } from './dto-rules.js';

/** An action item as huddles and retros create them. */
export class ActionItemDto {
  @EntityId('ai-share-drafts', 'Client-chosen id of the action item')
  actionItemId!: string;

  @Text(1000, 'Share campaign drafts with sales two weeks before launch')
  description!: string;

  @EntityId('person-mia', 'Person id of the owner')
  owner!: string;

  @CalendarDate('2026-10-01', 'Due date')
  dueDate!: string;
}
