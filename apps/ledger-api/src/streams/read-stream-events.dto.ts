import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ReadStreamEventsParams {
  @ApiPropertyOptional({ description: 'First revision to return (inclusive)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fromRevision?: number;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({ enum: ['forwards', 'backwards'], default: 'forwards' })
  @IsOptional()
  @IsIn(['forwards', 'backwards'])
  direction: 'forwards' | 'backwards' = 'forwards';
}

class RecordedEventDto {
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
