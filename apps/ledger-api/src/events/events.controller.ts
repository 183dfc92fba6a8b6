import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EventStore } from '#event-store';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { badRequest } from '../http/problem.js';
import { RecordedEventDto } from '../streams/read-stream-events.dto.js';
import { EventsPageDto, ReadAllEventsParams } from './read-all-events.dto.js';
import { NDJSON, exportEvents } from './export-events.js';
import { readAllEvents, readEvent } from './read-all-events.js';

const nextLink = (params: ReadAllEventsParams, after: number): string => {
  const query = new URLSearchParams({ after: String(after), limit: String(params.limit) });
  if (params.type) query.set('type', params.type.join(','));
  if (params.streamPrefix) query.set('streamPrefix', params.streamPrefix);
  return `/v1/events?${query.toString()}`;
};

/** The whole history in its global order, for auditors. */
@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'ReadAllEvents',
    summary: 'The global log in position order, a page at a time, by event type and stream prefix',
  })
  @ApiExtraModels(EventsPageDto, RecordedEventDto)
  @ApiOkResponse({
    description: `A page as JSON; or, with Accept: ${NDJSON}, the whole log after \`after\` (to the head when it began) streamed one event per line: resume with after = the last line's globalPosition`,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(EventsPageDto) } },
      [NDJSON]: { schema: { $ref: getSchemaPath(RecordedEventDto) } },
    },
  })
  @ApiProblems({ 400: 'A parameter is not valid: errors names it and the rule' })
  async list(
    @Query() params: ReadAllEventsParams,
    @Req() request: Request,
    // Written by hand: an export is a stream, not a value Nest serializes.
    @Res() response: Response,
  ): Promise<void> {
    const filter = {
      after: params.after,
      ...(params.type ? { types: params.type } : {}),
      ...(params.streamPrefix ? { streamPrefix: params.streamPrefix } : {}),
    };
    if (request.accepts(['application/json', NDJSON]) === NDJSON)
      return exportEvents(this.store, filter, response);
    const page = await readAllEvents(this.store, { ...filter, limit: params.limit });
    const next = page.nextAfter === null ? null : nextLink(params, page.nextAfter);
    const body: EventsPageDto = { events: page.events, headPosition: page.headPosition, next };
    response.status(200).json(body);
  }

  @Get(':position')
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'GetEvent',
    summary: 'One event by its global position: every evidence position of a read model resolves here',
  })
  @ApiParam({ name: 'position', schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } })
  @ApiOkResponse({ type: RecordedEventDto })
  @ApiProblems({ 400: 'position is not a positive integer', 404: 'No event at this position' })
  async get(@Param('position') raw: string): Promise<RecordedEventDto> {
    const position = Number(raw);
    if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(position)) {
      throw badRequest('position', 'positive-integer', 'position must be a global position: 1, 2, 3…');
    }
    const event = await readEvent(this.store, position);
    if (!event) throw new NotFoundException(`there is no event at position ${position}`);
    return event;
  }
}
