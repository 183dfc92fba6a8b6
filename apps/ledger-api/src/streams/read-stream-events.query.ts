import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type EventStore, NO_REVISION, type RecordedEvent } from '#event-store';
import { EVENT_STORE } from '../event-store/event-store.module.js';

interface StreamPage {
  streamRevision: number;
  events: RecordedEvent[];
}

export class ReadStreamEventsQuery extends Query<StreamPage> {
  constructor(
    readonly streamId: string,
    readonly fromRevision: number | undefined,
    readonly limit: number,
    readonly direction: 'forwards' | 'backwards',
  ) {
    super();
  }
}

@QueryHandler(ReadStreamEventsQuery)
export class ReadStreamEventsHandler implements IQueryHandler<ReadStreamEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(query: ReadStreamEventsQuery): Promise<StreamPage> {
    const streamRevision = await this.store.streamRevision(query.streamId);
    if (streamRevision === NO_REVISION) return { streamRevision, events: [] };
    const events = await this.store.readStream(query.streamId, {
      direction: query.direction,
      fromRevision: query.fromRevision,
      maxCount: query.limit,
    });
    return { streamRevision, events };
  }
}
