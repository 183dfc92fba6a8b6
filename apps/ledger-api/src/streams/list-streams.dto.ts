import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { type StreamSummary } from '#projections';
import { sameShape } from '../contract/same-shape.js';
import { QueryInteger } from '../http/field-rules.js';
import { MinPositionQuery } from '../projections/min-position.dto.js';
import { STREAM_ID } from './read-stream-events.dto.js';

const STREAM_ID_RULE = '1–200 of A-Za-z0-9 . _ : -';

export class ListStreamsParams extends MinPositionQuery {
  @ApiPropertyOptional({
    description: 'Only streams whose id starts with this (e.g. campaign-)',
    example: 'campaign-',
    pattern: STREAM_ID.source,
    maxLength: 200,
  })
  @IsOptional()
  @Matches(STREAM_ID, { message: `prefix must be ${STREAM_ID_RULE}` })
  prefix?: string;

  @ApiPropertyOptional({
    description: 'Exclusive: streams whose id sorts after this one (the next link sets it)',
    pattern: STREAM_ID.source,
    maxLength: 200,
  })
  @IsOptional()
  @Matches(STREAM_ID, { message: `after must be a stream id, ${STREAM_ID_RULE}` })
  after?: string;

  @QueryInteger({ minimum: 1, maximum: 1000, example: 100, default: 100, description: 'Streams per page' })
  limit: number = 100;
}

export class StreamSummaryDto {
  @ApiProperty({ example: 'campaign-q3-launch' }) streamId!: string;
  @ApiProperty({ example: 'campaign', description: 'The part of the id before its first -' })
  category!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Its last event’s stream revision' })
  revision!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) events!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Global position of its first event' })
  firstPosition!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Global position of its last event' })
  lastPosition!: number;
  @ApiProperty({ format: 'date-time', description: 'When its last event was recorded' })
  lastRecordedAt!: string;
}

sameShape<StreamSummary, StreamSummaryDto>(true);

export class StreamsPageDto {
  @ApiProperty({ type: [StreamSummaryDto], description: 'In stream id order (by bytes)' })
  streams!: StreamSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'URL of the next page; null on the last' })
  next!: string | null;
}
