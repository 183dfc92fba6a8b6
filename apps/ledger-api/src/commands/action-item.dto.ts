import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EntityId, Text } from './dto-rules.js';

/** An action item as huddles and retros create them. */
export class ActionItemDto {
  @EntityId('ai-share-drafts', 'Client-chosen id of the action item')
  actionItemId!: string;

  @Text(1000, 'Share campaign drafts with sales two weeks before launch')
  description!: string;

  @EntityId('person-mia', 'Person id of the owner')
  owner!: string;

  @ApiProperty({ example: '2026-10-01', description: 'Due date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate!: string;
}
