import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AlignmentHealth, alignmentHealthQuery } from '#projections';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { AlignmentHealthDto } from './alignment-health.response.js';

@ApiTags('alignment health')
@Controller('v1/alignment-health')
export class GetAlignmentHealthController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetAlignmentHealth',
    summary:
      'The warning signs of a broken sales–marketing relationship over the 28 days ending at T (asOf, or now), each with the global positions of its evidence',
    type: AlignmentHealthDto,
    description:
      'salesBlindsided, strategyNotShared, objectionsUnheard, noSharedCelebration, blameGame, huddleCadence',
  })
  get(@Query() query: AsOfQuery): Promise<AlignmentHealth> {
    return this.readModels.read(alignmentHealthQuery, undefined, query);
  }
}
