import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { openActionItemsQuery } from '#projections';
import { ReadModels } from '../projections/read-models.js';
import { ReadEndpoint } from '../projections/read-endpoint.decorator.js';
import { OpenActionItemsDto, OpenActionItemsQuery } from './open-action-items.response.js';

@ApiTags('huddles')
@Controller('v1/action-items')
export class ListOpenActionItemsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadEndpoint({
    operationId: 'ListOpenActionItems',
    summary:
      'The action items of huddles and retros not completed by T (now, or as of asOf), with owners and due dates, the earliest due first; overdue ones flagged',
    type: OpenActionItemsDto,
  })
  list(@Query() query: OpenActionItemsQuery): Promise<OpenActionItemsDto> {
    return this.readModels.read(openActionItemsQuery, { limit: query.limit }, query);
  }
}
