import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Period } from '#domain';
import { MAX_CAMPAIGNS_OF_PERIOD, campaignsOfPeriodQuery } from '#projections';
import { PeriodAsOfQuery } from '../projections/period-as-of.dto.js';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { PeriodPipe } from '../scorecards/period.pipe.js';
import { CampaignViewDto } from './campaign-view.response.js';

class CampaignsOfPeriodDto {
  @ApiProperty({ example: '2026-W49' }) period!: string;
  @ApiProperty({
    type: [CampaignViewDto],
    maxItems: MAX_CAMPAIGNS_OF_PERIOD,
    description: 'Latest activity first',
  })
  campaigns!: CampaignViewDto[];
}

@ApiTags('campaigns')
@Controller('v1/campaigns')
export class ListCampaignsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadEndpoint({
    operationId: 'ListCampaigns',
    summary: `The campaigns with activity in a period (proposed, reviewed, launched, briefed, blindsided, ended), each as GetCampaign shows it; at most ${MAX_CAMPAIGNS_OF_PERIOD}`,
    type: CampaignsOfPeriodDto,
  })
  async list(
    @Query('period', PeriodPipe) period: Period,
    @Query() query: PeriodAsOfQuery,
  ): Promise<CampaignsOfPeriodDto> {
    const campaigns = await this.readModels.read(campaignsOfPeriodQuery, { period }, query);
    return { period: period.text, campaigns };
  }
}
