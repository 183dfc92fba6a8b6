import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '#event-store';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { badRequest } from '../http/problem.js';
import { RecordedEventDto } from '../streams/read-stream-events.dto.js';
import { EventsPageDto, ReadAllEventsParams } from './read-all-events.dto.js';
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
  @ApiOkResponse({ type: EventsPageDto })
  @ApiProblems({ 400: 'A parameter is not valid: errors names it and the rule' })
  async list(@Query() params: ReadAllEventsParams): Promise<EventsPageDto> {
    const page = await readAllEvents(this.store, {
      after: params.after,
      limit: params.limit,
      ...(params.type ? { types: params.type } : {}),
      ...(params.streamPrefix ? { streamPrefix: params.streamPrefix } : {}),
    });
    const next = page.nextAfter === null ? null : nextLink(params, page.nextAfter);
    return { events: page.events, headPosition: page.headPosition, next };
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
