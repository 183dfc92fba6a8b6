import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import type { EventStore } from '#event-store';
import { scorecardEvidenceQuery } from '#projections';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { summarizeEvents } from '../evidence/event-summaries.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { PeriodParam, PeriodPipe } from './period.pipe.js';
import { ScorecardEvidenceDto, ScorecardEvidenceQuery } from './scorecard-evidence.dto.js';

const nextLink = (period: string, query: ScorecardEvidenceQuery, offset: number): string => {
  const params = new URLSearchParams({
    metric: query.metric,
    limit: String(query.limit),
    offset: String(offset),
  });
  if (query.asOf !== undefined) params.set('asOf', query.asOf);
  return `/v1/scorecards/${period}/evidence?${params.toString()}`;
};

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
    const page = facts.slice(query.offset, query.offset + query.limit);
    const summaries = await summarizeEvents(
      this.store,
      page.map((fact) => fact.position),
    );
    const end = query.offset + page.length;
    return {
      period: period.text,
      metric: query.metric,
      at,
      total: facts.length,
      // A fact's event is in the log: the read model folded it from there.
      events: page.flatMap((fact) => {
        const summary = summaries.get(fact.position);
        return summary
          ? [{ ...summary, occurredAt: fact.occurredAt, subject: fact.subject, amount: fact.amount }]
          : [];
      }),
      next: end < facts.length ? nextLink(period.text, query, end) : null,
    };
  }
}
