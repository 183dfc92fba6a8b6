import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { type ActionItemDto, ActionItems } from '../commands/action-item.dto.js';
import { EntityId, OccurredAt, OptionalEntityId, Period, Text } from '../commands/dto-rules.js';
import { KindOf, OneOfKind } from '../commands/one-of-kind.js';

export class CampaignRetroSubjectDto {
  @KindOf('campaign')
  kind!: 'campaign';

  @EntityId('q3-upsell', 'The campaign looked back on')
  campaignId!: string;
}

export class DealRetroSubjectDto {
  @KindOf('deal')
  kind!: 'deal';

  @EntityId('deal-acme', 'The deal looked back on')
  dealId!: string;
}

export class PeriodRetroSubjectDto {
  @KindOf('period')
  kind!: 'period';

  @Period('2026-Q3', 'The period looked back on')
  period!: string;
}

/** What the retro looks back on: a campaign, a deal or a period. */
export type RetroSubjectDto = CampaignRetroSubjectDto | DealRetroSubjectDto | PeriodRetroSubjectDto;

export class OpenRetroDto {
  @OneOfKind(
    { campaign: CampaignRetroSubjectDto, deal: DealRetroSubjectDto, period: PeriodRetroSubjectDto },
    'What the retro looks back on: a campaign, a deal or a period',
  )
  subject!: RetroSubjectDto;

  @EntityId('person-mia', 'Person id of the facilitator')
  facilitator!: string;

  @OccurredAt()
  occurredAt?: string;
}

const COLUMNS = ['went-well', 'to-improve', 'learning', 'kudos'] as const;

export class AddRetroNoteDto {
  @EntityId('note-1', 'Client-chosen id of the note')
  noteId!: string;

  @ApiProperty({ enum: COLUMNS, example: 'to-improve' })
  @IsIn(COLUMNS)
  column!: (typeof COLUMNS)[number];

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
