import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { MinPositionQuery } from './min-position.dto.js';

/** Read-your-writes plus "as of": what the ledger knew at an instant. */
export class AsOfQuery extends MinPositionQuery {
  @ApiPropertyOptional({
    example: '2026-11-20T12:00:00Z',
    description: 'Answer with only the events recorded at or before this instant (and evaluate at it)',
    format: 'date-time',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'asOf must be a date-time with a time zone (Z or ±hh:mm)' })
  asOf?: string;
}
