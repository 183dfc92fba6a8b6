import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { DueDate, EntityId, OccurredAt, Text } from './dto-rules.js';

/** An action item as huddles and retros create them. */
export class ActionItemDto {
  @EntityId('ai-share-drafts', 'Client-chosen id of the action item')
  actionItemId!: string;

  @Text(1000, 'Share campaign drafts with sales two weeks before launch')
  description!: string;

  @EntityId('person-mia', 'Person id of the owner')
  owner!: string;

  @DueDate('2026-10-01', 'Due date (due until its end, UTC)')
  dueDate!: string;
}

/** The action items a huddle or a retro close creates. */
export const ActionItems = () =>
  applyDecorators(
    ApiProperty({ type: [ActionItemDto], maxItems: 50 }),
    IsArray(),
    ArrayMaxSize(50),
    IsObject({ each: true, message: 'each action item must be an object' }),
    ValidateNested({ each: true }),
    Type(() => ActionItemDto),
  );

export const plainActionItems = (items: ActionItemDto[]) =>
  items.map(({ actionItemId, description, owner, dueDate }) => ({
    actionItemId,
    description,
    owner,
    dueDate,
  }));

/** Completing an action item of a huddle or a retro. */
export class CompleteActionItemDto {
  @EntityId('person-mia', 'Person id of who completed it')
  completedBy!: string;

  @OccurredAt()
  occurredAt?: string;
}
