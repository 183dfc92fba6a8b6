import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import type { EventStore } from '#event-store';
import { lateFactsQuery } from '#projections';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { factPage } from '../evidence/fact-page.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { PeriodParam, PeriodPipe } from './period.pipe.js';
import { LateFactsDto, LateFactsQuery } from './scorecard-evidence.dto.js';

@PeriodParam()
@ApiTags('scorecards')
@Controller('v1/scorecards/:period/late-facts')
export class GetLateFactsController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetLateFacts',
    summary:
      'What changed a period’s scorecard after an instant: its facts that happened before `since` and were recorded after it (a backfill, a late call log), each with its event',
    type: LateFactsDto,
  })
  async get(
    @Param('period', PeriodPipe) period: Period,
    @Query() query: LateFactsQuery,
  ): Promise<LateFactsDto> {
    const since = new Date(query.since);
    const facts = await this.readModels.read(lateFactsQuery, { period, since }, query);
    const { total, events, next } = await factPage(this.store, facts, {
      path: `/v1/scorecards/${period.text}/late-facts`,
      keep: { since: query.since },
      offset: query.offset,
      limit: query.limit,
    });
    return {
      period: period.text,
      since: since.toISOString(),
      total,
      events,
      next,
    };
  }
}
