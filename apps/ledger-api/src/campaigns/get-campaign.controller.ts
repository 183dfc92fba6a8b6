import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import { type CampaignView, campaignViewProjection, readCampaignView } from '#projections';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { DATABASE } from '../event-store/event-store.module.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ProjectionRunners } from '../projections/projection-runners.js';

@ApiTags('campaigns')
@Controller('v1/campaigns/:campaignId')
export class GetCampaignController {
  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    private readonly runners: ProjectionRunners,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'GetCampaign',
    summary:
      'Status, sales reviews, acknowledging reps vs the sales roster at launch, blindsides, influenced revenue',
  })
  @ApiOkResponse({ description: 'The campaign as the ledger knows it (now, or as of asOf)' })
  @ApiNotFoundResponse({ description: 'problem+json: nothing recorded about this campaign' })
  async get(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Query() query: AsOfQuery,
  ): Promise<CampaignView> {
    const when = await this.runners.readAt([campaignViewProjection], query);
    const view = await readCampaignView(this.db, campaignId, when);
    if (!view) throw new NotFoundException(`nothing is recorded about campaign ${campaignId}`);
    return view;
  }
}
