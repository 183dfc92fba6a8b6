import { Injectable, type PipeTransform } from '@nestjs/common';
import { type Period, parsePeriod } from '#domain';
import { badRequest } from '../http/problem.js';

/** A reporting period in the path: ISO week, month or quarter. */
@Injectable()
export class PeriodPipe implements PipeTransform<string, Period> {
  transform(value: string): Period {
    const period = parsePeriod(value);
    if (!period) {
      throw badRequest(
        'period',
        'period',
        `period must be an ISO week YYYY-Www, a month YYYY-MM or a quarter YYYY-Qn that exists, got "${value}"`,
      );
    }
    return period;
  }
}
