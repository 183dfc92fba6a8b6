import { ApiProperty } from '@nestjs/swagger';
import type { RetroBoardView } from '#projections';
import type { RetroSubject } from '#domain';
import { OneOfKind } from '../commands/one-of-kind.js';
import { sameShape } from '../contract/same-shape.js';
import { CampaignRetroSubjectDto, DealRetroSubjectDto, PeriodRetroSubjectDto } from './retro.dto.js';

const personId = { example: 'person-mia', pattern: '^[A-Za-z0-9._:-]{1,64}$' };

class RetroNoteDto {
  @ApiProperty({ example: 'note-1' }) noteId!: string;
  @ApiProperty({ example: 'The pricing sheet reached reps after the first customer calls' }) text!: string;
  @ApiProperty({
    ...personId,
    required: false,
    description: 'Only on signed notes: an anonymous one has none',
  })
  author?: string;
}

class RetroColumnsDto {
  @ApiProperty({ type: [RetroNoteDto] }) 'went-well'!: RetroNoteDto[];
  @ApiProperty({ type: [RetroNoteDto] }) 'to-improve'!: RetroNoteDto[];
  @ApiProperty({ type: [RetroNoteDto] }) learning!: RetroNoteDto[];
  @ApiProperty({ type: [RetroNoteDto] }) kudos!: RetroNoteDto[];
}

class RetroActionItemViewDto {
  @ApiProperty({ example: 'ai-share-drafts' }) actionItemId!: string;
  @ApiProperty({ example: 'Share campaign drafts with sales two weeks before launch' }) description!: string;
  @ApiProperty(personId) owner!: string;
  @ApiProperty({ format: 'date', example: '2026-12-15' }) dueDate!: string;
  @ApiProperty() completed!: boolean;
}

/** GetRetro's answer: the blame-free board as the ledger knew it at T. */
export class RetroBoardDto {
  @ApiProperty({ example: 'q4-retro' }) retroId!: string;
  @OneOfKind(
    { campaign: CampaignRetroSubjectDto, deal: DealRetroSubjectDto, period: PeriodRetroSubjectDto },
    'What the retro looks back on',
  )
  subject!: RetroSubject;
  @ApiProperty(personId) facilitator!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: RetroColumnsDto }) columns!: RetroColumnsDto;
  @ApiProperty({ type: [RetroActionItemViewDto] }) actionItems!: RetroActionItemViewDto[];
}

sameShape<RetroBoardView, RetroBoardDto>(true);
