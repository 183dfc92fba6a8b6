import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { type Period, parsePeriod } from '#domain';
import { PERIOD_PATTERN, PERIOD_RULE } from '../http/field-rules.js';
import { badRequest } from '../http/problem.js';

const parse = (value: string): Period => {
  const period = parsePeriod(value);
  if (!period) throw badRequest('period', 'period', `period must be ${PERIOD_RULE}, got "${value}"`);
  return period;
};

/** A reporting period in the path: ISO week, month or quarter of a year 1970–2199. */
@Injectable()
export class PeriodPipe implements PipeTransform<string, Period> {
  transform(value: string): Period {
    return parse(value);
  }
}

/** The same, kept as the text (a command records the period as written). */
@Injectable()
export class PeriodTextPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parse(value).text;
  }
}

/** Declares the `period` path parameter in the document, as the pipes enforce it. */
export const PeriodParam = () =>
  ApiParam({
    name: 'period',
    example: '2026-11',
    description: `${PERIOD_RULE} (week 53 only in years that have one)`,
    schema: { type: 'string', pattern: PERIOD_PATTERN },
  });
