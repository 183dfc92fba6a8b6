import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Principal } from '#event-store';
import { PrincipalProperty } from '../contract/principal.dto.js';

/** Which event to skip: the global position the projection is stuck on (GET /v1/projections/{name}). */
export class SkipEventQuery {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1042,
    description: 'The position of failedAt: only that event may be skipped',
  })
  // Only digits are read as a number ("1e3", "0x10" or " 7" are refused, not converted).
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  position!: number;
}

export class SkipEventBody {
  @ApiPropertyOptional({
    example: 'dueDate 9999-12-31 cannot be stored; the huddle was re-recorded with 2026-12-31',
    description: 'Why, kept in the ledger for good: no personal data',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

class AuditEventDto {
  @ApiProperty({ example: '5f0c7a9e-0d1b-5e7c-8a43-6b2d9c1e4f70' }) eventId!: string;
  @ApiProperty({ example: 1043 }) globalPosition!: number;
}

/** An event a projection leaves out, as recorded in the ledger (ProjectionEventSkipped). */
export class SkippedEventDto {
  @ApiProperty({ example: 1042, description: 'Global position of the skipped event' }) position!: number;
  @ApiProperty({ example: '0b6c1f58-5d7e-5c43-9a0e-3f1d2a4b5c6d' }) eventId!: string;
  @ApiProperty({ example: 'HuddleHeld' }) eventType!: string;
  @ApiProperty({ example: 'time zone displacement out of range', description: 'What it failed with' })
  error!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the skip was recorded' }) at!: string;
  @PrincipalProperty('Who recorded it') by!: Principal | null;
  @ApiProperty({ type: AuditEventDto, description: 'The ProjectionEventSkipped event in ledger-operations' })
  audit!: AuditEventDto;
}
