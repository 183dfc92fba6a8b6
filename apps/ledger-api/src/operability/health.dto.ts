import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

const checks = (description: string): ApiPropertyOptions => ({
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    required: ['status'],
    additionalProperties: true,
  },
  description,
  example: { eventStore: { status: 'up', headPosition: 42 }, database: { status: 'up' } },
});

/** The probes' answer (terminus): overall status and each check with what it found. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'error', 'shutting_down'], example: 'ok' }) status!: string;
  @ApiPropertyOptional(checks('The checks that passed')) info?: Record<string, { status: string }>;
  @ApiPropertyOptional(checks('The checks that failed')) error?: Record<string, { status: string }>;
  @ApiPropertyOptional(checks('Every check')) details?: Record<string, { status: string }>;
}
