import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import { type Scorecard, scorecardQuery } from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { PeriodPipe } from './period.pipe.js';
import { Access } from '../access/access.decorator.js';

@ApiTags('scorecards')
@Controller('v1/scorecards/:period')
export class GetScorecardController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @Access({ scope: 'read' })
  @ApiOperation({
    operationId: 'GetScorecard',
    summary:
      'The shared scorecard both teams are judged on, for a period (now, or as of asOf): revenue against the shared goal, deals, lead SLA, campaigns, objections, huddles, action items, celebrations, blame',
  })
  @ApiParam({ name: 'period', example: '2026-11', description: 'YYYY-Www (ISO week), YYYY-MM or YYYY-Qn' })
  @ApiOkResponse({ description: 'Money in integer minor units; ratios 0–1, null where nothing to divide by' })
  get(@Param('period', PeriodPipe) period: Period, @Query() query: AsOfQuery): Promise<Scorecard> {
    return this.readModels.read(scorecardQuery, { period, currency: this.config.currency }, query);
  }
}
