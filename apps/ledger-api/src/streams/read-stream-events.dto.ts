import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QueryInteger } from '../http/field-rules.js';

/** A stream id: what ReadStreamEvents takes, and what ReadAllEvents' streamPrefix is made of. */
export const STREAM_ID = /^[A-Za-z0-9._:-]{1,200}$/;

export class ReadStreamEventsParams {
  @QueryInteger({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 0,
    description:
      'First revision to return (inclusive); default: the first (forwards) or the last (backwards)',
  })
  fromRevision?: number;

  @QueryInteger({ minimum: 1, maximum: 1000, example: 100, default: 100, description: 'Events per page' })
  limit: number = 100;

  @ApiPropertyOptional({ enum: ['forwards', 'backwards'], default: 'forwards' })
  @IsOptional()
  @IsIn(['forwards', 'backwards'])
  direction: 'forwards' | 'backwards' = 'forwards';
}

export class RecordedEventDto {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'CampaignLaunched' }) type!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'commandId, correlationId, causationId, actor, occurredAt, recordedAt',
  })
  metadata!: object;
  @ApiProperty() streamId!: string;
  @ApiProperty() streamRevision!: number;
  @ApiProperty() globalPosition!: number;
  @ApiProperty({ description: 'Hash of the previous event in the global order' }) previousHash!: string;
  @ApiProperty({ description: 'SHA-256(previousHash ‖ RFC 8785 canonical JSON of this event)' })
  hash!: string;
}

export class StreamEventsPageDto {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Current revision of the stream (also the ETag)' }) streamRevision!: number;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'URL of the next page, null at the end' })
  next!: string | null;
}
