import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import { type Scorecard, scorecardQuery } from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { ScorecardDto } from './scorecard.response.js';
import { PeriodParam, PeriodPipe } from './period.pipe.js';

@PeriodParam()
@ApiTags('scorecards')
@Controller('v1/scorecards/:period')
export class GetScorecardController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetScorecard',
    summary:
      'The shared scorecard both teams are judged on, for a period (now, or as of asOf): revenue against the shared goal, deals, lead SLA, campaigns, objections, huddles, action items, celebrations, blame',
    type: ScorecardDto,
    description: 'Money in integer minor units; ratios 0–1, null where nothing to divide by',
  })
  get(@Param('period', PeriodPipe) period: Period, @Query() query: AsOfQuery): Promise<Scorecard> {
    return this.readModels.read(scorecardQuery, { period, currency: this.config.currency }, query);
  }
}
