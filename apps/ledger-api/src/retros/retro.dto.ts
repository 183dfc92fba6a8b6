import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { ENTITY_ID } from '../commands/entity-id.pipe.js';
import { type ActionItemDto, ActionItems } from '../commands/action-item.dto.js';
import { EntityId, NestedObject, OccurredAt, OptionalEntityId, Text } from '../commands/dto-rules.js';

export class RetroSubjectDto {
  @ApiProperty({ enum: ['campaign', 'deal', 'period'], example: 'campaign' })
  @IsIn(['campaign', 'deal', 'period'])
  kind!: 'campaign' | 'deal' | 'period';

  @ApiPropertyOptional({ example: 'q3-upsell', description: 'When kind is campaign' })
  @ValidateIf((s: RetroSubjectDto) => s.kind === 'campaign')
  @Matches(ENTITY_ID, { message: 'campaignId must be 1–64 characters of A-Za-z0-9._:-' })
  campaignId?: string;

  @ApiPropertyOptional({ example: 'deal-acme', description: 'When kind is deal' })
  @ValidateIf((s: RetroSubjectDto) => s.kind === 'deal')
  @Matches(ENTITY_ID, { message: 'dealId must be 1–64 characters of A-Za-z0-9._:-' })
  dealId?: string;

  @ApiPropertyOptional({
    example: '2026-Q3',
    description: 'When kind is period: YYYY-Www, YYYY-MM or YYYY-Qn',
  })
  @ValidateIf((s: RetroSubjectDto) => s.kind === 'period')
  @Matches(/^\d{4}-(W(0[1-9]|[1-4]\d|5[0-3])|(0[1-9]|1[0-2])|Q[1-4])$/, {
    message: 'period must be YYYY-Www, YYYY-MM or YYYY-Qn',
  })
  period?: string;
}

export class OpenRetroDto {
  @NestedObject(RetroSubjectDto, 'What the retro looks back on: a campaign, a deal or a period')
  subject!: RetroSubjectDto;

  @EntityId('person-mia', 'Person id of the facilitator')
  facilitator!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class AddRetroNoteDto {
  @EntityId('note-1', 'Client-chosen id of the note')
  noteId!: string;

  @ApiProperty({ enum: ['went-well', 'to-improve', 'learning', 'kudos'], example: 'to-improve' })
  @IsIn(['went-well', 'to-improve', 'learning', 'kudos'])
  column!: 'went-well' | 'to-improve' | 'learning' | 'kudos';

  @Text(2000, 'The pricing sheet reached reps after the first customer calls')
  text!: string;

  @OptionalEntityId('person-sam', 'Omit for an anonymous note: then nothing identifying the author is stored')
  author?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class CloseRetroDto {
  @EntityId('person-mia', 'Person id of who closes it')
  closedBy!: string;

  @ActionItems()
  actionItems!: ActionItemDto[];

  @OccurredAt()
  occurredAt?: string;
}
