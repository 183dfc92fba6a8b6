import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import type { SqlDatabase } from '#event-store';
import {
  type Scorecard,
  objectionGapsProjection,
  readScorecard,
  scorecardFactsProjection,
} from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DATABASE } from '../event-store/event-store.module.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ProjectionRunners } from '../projections/projection-runners.js';
import { PeriodPipe } from './period.pipe.js';

/** The read models the card is computed from (objection-gaps for live content). */
const SOURCES = [scorecardFactsProjection, objectionGapsProjection];

@ApiTags('scorecards')
@Controller('v1/scorecards/:period')
export class GetScorecardController {
  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly runners: ProjectionRunners,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'GetScorecard',
    summary:
      'The shared scorecard both teams are judged on, for a period (now, or as of asOf): revenue against the shared goal, deals, lead SLA, campaigns, objections, huddles, action items, celebrations, blame',
  })
  @ApiParam({ name: 'period', example: '2026-11', description: 'YYYY-Www (ISO week), YYYY-MM or YYYY-Qn' })
  @ApiOkResponse({ description: 'Money in integer minor units; ratios 0–1, null where nothing to divide by' })
  async get(@Param('period', PeriodPipe) period: Period, @Query() query: AsOfQuery): Promise<Scorecard> {
    const when = await this.runners.readAt(SOURCES, query);
    return readScorecard(this.db, period, { ...when, currency: this.config.currency });
  }
}
