import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CampaignView, campaignViewQuery } from '#projections';
import { EntityIdPipe } from '../commands/entity-id.pipe.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { Access } from '../access/access.decorator.js';

@ApiTags('campaigns')
@Controller('v1/campaigns/:campaignId')
export class GetCampaignController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @Access({ scope: 'read' })
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
    const view = await this.readModels.read(campaignViewQuery, { campaignId }, query);
    if (!view) throw new NotFoundException(`nothing is recorded about campaign ${campaignId}`);
    return view;
  }
}
