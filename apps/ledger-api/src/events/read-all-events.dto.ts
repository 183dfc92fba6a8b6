import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { QueryInteger } from '../http/field-rules.js';
import { RecordedEventDto, STREAM_ID } from '../streams/read-stream-events.dto.js';

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

export class ReadAllEventsParams {
  @QueryInteger({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 0,
    description: 'Exclusive: events after this global position (0: from the first)',
  })
  after: number = 0;

  @QueryInteger({ minimum: 1, maximum: 1000, example: 100, default: 100, description: 'Events per page' })
  limit: number = 100;

  @ApiPropertyOptional({
    description: 'Only these event types, comma-separated (e.g. CampaignLaunched,BlindsideReported)',
    example: 'CampaignLaunched',
    type: String,
    pattern: '^[A-Za-z][A-Za-z0-9]{0,99}(,[A-Za-z][A-Za-z0-9]{0,99})*$',
    maxLength: 2000,
  })
  @IsOptional()
  // "A,B" and ?type=A&type=B alike.
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(',')).filter(Boolean),
  )
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE, { each: true, message: 'type must be event type names such as CampaignLaunched' })
  type?: string[];

  @ApiPropertyOptional({
    description: 'Only streams whose id starts with this (e.g. campaign- or campaign-q4)',
    example: 'campaign-',
    pattern: STREAM_ID.source,
    maxLength: 200,
  })
  @IsOptional()
  @Matches(STREAM_ID, { message: 'streamPrefix must be 1–200 of A-Za-z0-9 . _ : -' })
  streamPrefix?: string;
}

export class EventsPageDto {
  @ApiProperty({ type: [RecordedEventDto], description: 'In global position order' })
  events!: RecordedEventDto[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The last position in the log when this page was read',
  })
  headPosition!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'URL of the next page; null once the head is reached',
  })
  next!: string | null;
}
