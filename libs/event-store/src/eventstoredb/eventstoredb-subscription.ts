import {
  type EventStoreDBClient,
  type Filter,
  START,
  type AllStreamSubscription,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
} from '@eventstore/db-client';
import type { EventFilter, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port.js';
import type { SqlQueryable } from '../postgres/sql-database.js';
import { logPositionAtOrBefore } from './command-records.js';
import { matchesFilter } from './event-filter.js';
import { fromResolved } from './ledger-envelope.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side filter: EventStoreDB takes one, by event type or by stream
 * name, and never passes system events (types and streams starting with $).
 * The port's other criterion, when both are given, is applied here as events arrive.
 */
const serverFilter = (filter: EventFilter | undefined): Filter => {
  if (filter?.eventTypes) return eventTypeFilter({ regex: `^(${filter.eventTypes.map(escape).join('|')})$` });
  if (filter?.streamCategories) {
    return streamNameFilter({ regex: `^(${filter.streamCategories.map(escape).join('|')})(-|$)` });
  }
  return excludeSystemEvents();
};

/**
 * A catch-up subscription to $all from the checkpoint: EventStoreDB delivers
 * the history and then live events on one call, in log order. It starts from
 * the log position of an append that ends at or before the checkpoint (or the
 * start), so what the ledger already delivered is skipped by position.
 */
export class EventStoreDbSubscription implements Subscription {
  private subscription: AllStreamSubscription | null = null;
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly db: SqlQueryable,
    private readonly options: SubscribeOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const after = this.options.afterPosition ?? 0;
    const from = (await logPositionAtOrBefore(this.db, after)) ?? START;
    if (this.closed) return;
    this.subscription = this.client.subscribeToAll({
      fromPosition: from,
      filter: serverFilter(this.options.filter),
    });
    for await (const resolved of this.subscription) {
      const event = fromResolved(resolved);
      if (event && event.globalPosition > after && matchesFilter(this.options.filter, event)) yield event;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.subscription?.unsubscribe();
  }
}
