import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NO_REVISION } from '#event-store';
import { etagOf } from '../commands/command-response.js';
import { PathParams } from '../commands/entity-id.pipe.js';
import { ReadStreamEventsParams, STREAM_ID, StreamEventsPageDto } from './read-stream-events.dto.js';
import { ReadStreamEventsQuery } from './read-stream-events.query.js';
import { Access } from '../access/access.decorator.js';

@PathParams(['streamId'], STREAM_ID, 'A stream: 1–200 characters of A-Za-z0-9 . _ : - (any other is a 404)')
@ApiTags('streams')
@Controller('v1/streams')
export class StreamsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId/events')
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'ReadStreamEvents',
    summary: 'Read the events of one stream, a page at a time',
  })
  @ApiOkResponse({ type: StreamEventsPageDto })
  @ApiNotFoundResponse({ description: 'problem+json: no events in this stream' })
  async read(
    @Param('streamId') streamId: string,
    @Query() params: ReadStreamEventsParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamEventsPageDto> {
    const page = STREAM_ID.test(streamId)
      ? await this.queries.execute(
          new ReadStreamEventsQuery(streamId, params.fromRevision, params.limit, params.direction),
        )
      : null;
    if (!page || page.streamRevision === NO_REVISION) {
      throw new NotFoundException(`stream ${streamId} has no events`);
    }
    response.setHeader('ETag', etagOf(page.streamRevision));
    const last = page.events.at(-1);
    const nextRevision = last ? last.streamRevision + (params.direction === 'forwards' ? 1 : -1) : null;
    const more =
      page.events.length === params.limit &&
      nextRevision !== null &&
      nextRevision >= 0 &&
      nextRevision <= page.streamRevision;
    const next = more
      ? `/v1/streams/${encodeURIComponent(streamId)}/events?fromRevision=${nextRevision}&limit=${params.limit}&direction=${params.direction}`
      : null;
    return { streamId, streamRevision: page.streamRevision, events: page.events, next };
  }
}
