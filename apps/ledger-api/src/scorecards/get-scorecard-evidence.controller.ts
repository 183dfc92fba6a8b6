import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import type { EventStore } from '#event-store';
import { scorecardEvidenceQuery } from '#projections';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { factPage } from '../evidence/fact-page.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { PeriodParam, PeriodPipe } from './period.pipe.js';
import { ScorecardEvidenceDto, ScorecardEvidenceQuery } from './scorecard-evidence.dto.js';

@PeriodParam()
@ApiTags('scorecards')
@Controller('v1/scorecards/:period/evidence')
export class GetScorecardEvidenceController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetScorecardEvidence',
    summary:
      'The facts behind one figure of a period’s scorecard (now, or as of asOf): each with the event that recorded it — type, business time, who, stream, position, hash',
    type: ScorecardEvidenceDto,
  })
  async get(
    @Param('period', PeriodPipe) period: Period,
    @Query() query: ScorecardEvidenceQuery,
  ): Promise<ScorecardEvidenceDto> {
    const { at, facts } = await this.readModels.read(
      scorecardEvidenceQuery,
      { period, metric: query.metric },
      query,
    );
    const { total, events, next } = await factPage(this.store, facts, {
      path: `/v1/scorecards/${period.text}/evidence`,
      keep: { metric: query.metric, asOf: query.asOf },
      offset: query.offset,
      limit: query.limit,
    });
    return {
      period: period.text,
      metric: query.metric,
      at,
      total,
      events,
      next,
    };
  }
}
