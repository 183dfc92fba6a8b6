import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { streamIndexQuery } from '#projections';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { ReadModels } from '../projections/read-models.js';
import { ListStreamsParams, StreamsPageDto } from './list-streams.dto.js';

const nextLink = (params: ListStreamsParams, after: string) => {
  const query = new URLSearchParams({ after, limit: String(params.limit) });
  if (params.prefix) query.set('prefix', params.prefix);
  return `/v1/streams?${query.toString()}`;
};

@ApiTags('streams')
@Controller('v1/streams')
export class ListStreamsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'ListStreams',
    summary: 'Every stream of the log, by id prefix: category, revision, events, first and last position',
  })
  @ApiOkResponse({ type: StreamsPageDto })
  @ApiProblems({
    400: 'A parameter is not valid: errors names it and the rule',
    503: 'The stream index has not reached minPosition within LEDGER_READ_WAIT_MS, or the database is unavailable',
  })
  async list(@Query() params: ListStreamsParams): Promise<StreamsPageDto> {
    const { prefix, after, limit, minPosition } = params;
    const streams = await this.readModels.read(streamIndexQuery, { prefix, after, limit }, { minPosition });
    const last = streams.at(-1);
    return { streams, next: streams.length === limit && last ? nextLink(params, last.streamId) : null };
  }
}
