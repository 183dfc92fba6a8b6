import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import {
  type AlignmentHealth,
  alignmentFactsProjection,
  campaignViewProjection,
  objectionGapsProjection,
  readAlignmentHealth,
} from '#projections';
import { DATABASE } from '../event-store/event-store.module.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ProjectionRunners } from '../projections/projection-runners.js';

/** The read models the warning signs are computed from. */
const SOURCES = [campaignViewProjection, objectionGapsProjection, alignmentFactsProjection];

@ApiTags('alignment health')
@Controller('v1/alignment-health')
export class AlignmentHealthController {
  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    private readonly runners: ProjectionRunners,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'GetAlignmentHealth',
    summary:
      'The warning signs of a broken sales–marketing relationship over the 28 days ending at T (asOf, or now), each with the global positions of its evidence',
  })
  @ApiOkResponse({
    description:
      'salesBlindsided, strategyNotShared, objectionsUnheard, noSharedCelebration, blameGame, huddleCadence',
  })
  async get(@Query() query: AsOfQuery): Promise<AlignmentHealth> {
    return readAlignmentHealth(this.db, await this.runners.readAt(SOURCES, query));
  }
}
