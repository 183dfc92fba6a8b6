import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ObjectionGap, objectionGapsQuery } from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { ObjectionGapDto } from './objection-gaps.response.js';

@ApiTags('objections')
@Controller('v1/objections/gaps')
export class GetObjectionGapsController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetObjectionGaps',
    summary:
      'Per objection category: count in the last 28 days and the 28 before, live content answering it; gaps (no content) first, by count',
    type: [ObjectionGapDto],
    description: 'Categories, gaps first',
  })
  gaps(@Query() query: AsOfQuery): Promise<ObjectionGap[]> {
    return this.readModels.read(objectionGapsQuery, { taxonomy: this.config.objectionCategories }, query);
  }
}
