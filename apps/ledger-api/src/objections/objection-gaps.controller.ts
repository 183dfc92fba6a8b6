import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import { type ObjectionGap, objectionGapsProjection, readObjectionGaps } from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DATABASE } from '../event-store/event-store.module.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ProjectionRunners } from '../projections/projection-runners.js';

@ApiTags('objections')
@Controller('v1/objections/gaps')
export class ObjectionGapsController {
  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly runners: ProjectionRunners,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'GetObjectionGaps',
    summary:
      'Per objection category: count in the last 28 days and the 28 before, live content answering it; gaps (no content) first, by count',
  })
  @ApiOkResponse({ description: 'Categories, gaps first' })
  async gaps(@Query() query: AsOfQuery): Promise<ObjectionGap[]> {
    const when = await this.runners.readAt([objectionGapsProjection], query);
    return readObjectionGaps(this.db, this.config.objectionCategories, when);
  }
}
