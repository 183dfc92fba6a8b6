import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { summarizeEvents } from './event-summaries.js';
import { EvidenceDto, GetEvidenceQuery, readPositions } from './get-evidence.dto.js';

/** Evidence positions (an alignment sign's, say) resolved for a reader who may not read the log itself. */
@ApiTags('evidence')
@Controller('v1/evidence')
export class GetEvidenceController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetEvidence',
    summary:
      'The events at global positions, as evidence: type, business and knowledge time, who, stream, position and hash, without their data',
    type: EvidenceDto,
  })
  async get(@Query() query: GetEvidenceQuery): Promise<EvidenceDto> {
    const positions = readPositions(query.positions);
    const summaries = await summarizeEvents(this.store, positions);
    const distinct = [...new Set(positions)].sort((a, b) => a - b);
    return {
      events: distinct.flatMap((position) => summaries.get(position) ?? []),
      missing: distinct.filter((position) => !summaries.has(position)),
    };
  }
}
