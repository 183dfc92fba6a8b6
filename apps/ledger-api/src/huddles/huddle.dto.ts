import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { type ActionItemDto, ActionItems } from '../commands/action-item.dto.js';
import { type AttendeeDto, Attendees } from '../commands/attendee.dto.js';
import { ObjectionCategories } from '../commands/configured-values.js';
import { Instant, OccurredAt, TextItems } from '../commands/dto-rules.js';

export class HoldHuddleDto {
  @Instant('2026-11-19T09:30:00Z', 'When the huddle was held (business time for the scorecard)')
  heldAt!: string;

  @Attendees()
  attendees!: AttendeeDto[];

  @ApiProperty({ example: true, description: 'Whether the shared numbers were reviewed' })
  @IsBoolean()
  numbersReviewed!: boolean;

  @TextItems(50, 2000, ['Webinar leads convert well'], 'What is working')
  working!: string[];

  @TextItems(50, 2000, ['Pricing sheet arrives late for reps'], 'What is not working')
  notWorking!: string[];

  @ObjectionCategories('Objection categories discussed')
  objectionCategoriesDiscussed!: string[];

  @ActionItems()
  actionItems!: ActionItemDto[];

  @OccurredAt()
  occurredAt?: string;
}
