import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CampaignView, campaignViewQuery } from '#projections';
import { EntityIdParams, EntityIdPipe } from '../commands/entity-id.pipe.js';
import { AsOfQuery } from '../projections/as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { CampaignViewDto } from './campaign-view.response.js';

@EntityIdParams('campaignId')
@ApiTags('campaigns')
@Controller('v1/campaigns/:campaignId')
export class GetCampaignController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadEndpoint({
    operationId: 'GetCampaign',
    summary:
      'Status, sales reviews, acknowledging reps vs the sales roster at launch, blindsides, influenced revenue',
    type: CampaignViewDto,
    description: 'The campaign as the ledger knows it (now, or as of asOf)',
    notFound: 'Nothing is recorded about this campaign (by asOf)',
  })
  async get(
    @Param('campaignId', EntityIdPipe) campaignId: string,
    @Query() query: AsOfQuery,
  ): Promise<CampaignView> {
    const view = await this.readModels.read(campaignViewQuery, { campaignId }, query);
    if (!view) throw new NotFoundException(`nothing is recorded about campaign ${campaignId}`);
    return view;
  }
}
