import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, Matches, ValidateIf } from 'class-validator';
import { type AttendeeDto, Attendees } from '../commands/attendee.dto.js';
import { NestedObject, OccurredAt } from '../commands/dto-rules.js';
import { ENTITY_ID } from '../commands/entity-id.pipe.js';

export class CelebrationSubjectDto {
  @ApiProperty({ enum: ['goal', 'deals'], example: 'deals' })
  @IsIn(['goal', 'deals'])
  kind!: 'goal' | 'deals';

  @ApiPropertyOptional({ example: '2026-Q4', description: 'When kind is goal' })
  @ValidateIf((s: CelebrationSubjectDto) => s.kind === 'goal')
  @Matches(/^\d{4}-(W\d{2}|\d{2}|Q[1-4])$/, { message: 'period must be YYYY-Www, YYYY-MM or YYYY-Qn' })
  period?: string;

  @ApiPropertyOptional({ type: [String], example: ['deal-acme'], description: 'When kind is deals' })
  @ValidateIf((s: CelebrationSubjectDto) => s.kind === 'deals')
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ENTITY_ID, { each: true, message: 'each deal id must be 1–64 characters of A-Za-z0-9._:-' })
  dealIds?: string[];
}

export class CelebrateWinDto {
  @NestedObject(CelebrationSubjectDto, 'What is celebrated: a goal period or deals')
  subject!: CelebrationSubjectDto;

  @Attendees()
  attendees!: AttendeeDto[];

  @OccurredAt()
  occurredAt?: string;
}
