import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PERIOD_PATTERN, PERIOD_RULE } from '../http/field-rules.js';
import { AsOfQuery } from './as-of.dto.js';

/** A read of one period's activity (by business time), now or as of asOf. */
export class PeriodAsOfQuery extends AsOfQuery {
  @ApiProperty({ example: '2026-W49', pattern: PERIOD_PATTERN, description: PERIOD_RULE })
  @Matches(new RegExp(PERIOD_PATTERN), { message: `period must be ${PERIOD_RULE}` })
  period!: string;
}
