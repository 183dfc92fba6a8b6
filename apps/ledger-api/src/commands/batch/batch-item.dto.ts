import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { ProblemDetailsDto } from '../../contract/problem-details.dto.js';
import { HEADER_TOKEN } from '../../operability/request-log-ids.js';
import { CommandResultDto } from '../command-response.js';

/** One command of an ExecuteCommands request: what the single endpoint's path, headers and body would carry. */
export class BatchItemDto {
  @ApiProperty({ example: 'LogObjection', description: 'The operationId of the command’s own endpoint' })
  @IsString()
  operation!: string;

  @ApiPropertyOptional({
    example: { objectionId: 'obj-2026-0042' },
    description: 'The path parameters of the command’s own endpoint, by name',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  path?: Record<string, string>;

  @ApiPropertyOptional({
    example: { category: 'price', text: 'Too expensive next to the incumbent', heardBy: 'person-sam' },
    description: 'The body the command’s own endpoint takes (default {})',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  body?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 'crm-export-2026-11-30-000042',
    description: 'As the Idempotency-Key header: the same key and command return the first result',
    pattern: HEADER_TOKEN.source,
  })
  @IsOptional()
  @Matches(HEADER_TOKEN, { message: 'idempotencyKey must be 1–255 visible ASCII characters' })
  idempotencyKey?: string;

  @ApiPropertyOptional({ example: '"3"', description: 'As the If-Match header' })
  @IsOptional()
  @IsString()
  ifMatch?: string;

  @ApiPropertyOptional({
    example: 'crm-backfill-7',
    description: 'As the X-Correlation-Id header (default: the one of the whole request)',
    pattern: HEADER_TOKEN.source,
  })
  @IsOptional()
  @Matches(HEADER_TOKEN, { message: 'correlationId must be 1–255 visible ASCII characters' })
  correlationId?: string;
}

export class BatchItemResultDto {
  @ApiProperty({ example: 0, description: 'The item’s place in the request, from 0' })
  index!: number;

  @ApiProperty({ example: 'LogObjection', nullable: true, type: 'string' })
  operation!: string | null;

  @ApiProperty({ example: 201, description: 'What the command’s own endpoint would have answered' })
  status!: number;

  @ApiPropertyOptional({ description: 'On success: true when the first result was replayed for a retry' })
  replayed?: boolean;

  @ApiPropertyOptional({ example: '"0"', description: 'On success: the stream revision, quoted, as ETag' })
  etag?: string;

  @ApiPropertyOptional({ example: '/v1/streams/objection-obj-2026-0042/events' })
  location?: string;

  @ApiPropertyOptional({ type: CommandResultDto, description: 'On success' })
  result?: CommandResultDto;

  @ApiPropertyOptional({ type: ProblemDetailsDto, description: 'On failure: the problem (RFC 9457)' })
  problem?: ProblemDetailsDto;
}

export class BatchResultDto {
  @ApiProperty({ type: [BatchItemResultDto], description: 'One per item, in the order of the request' })
  results!: BatchItemResultDto[];

  @ApiProperty({ example: 999 })
  succeeded!: number;

  @ApiProperty({ example: 1 })
  failed!: number;
}
