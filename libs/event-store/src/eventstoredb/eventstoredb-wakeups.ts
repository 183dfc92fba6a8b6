import type { EventEmitter } from 'node:events';
import {
  END,
  type EventStoreDBClient,
  type AllStreamSubscription,
  excludeSystemEvents,
} from '@eventstore/db-client';
import { nextAppend } from '../postgres/append-wakeups.js';
import type { Wakeups } from '../postgres/catch-up-subscription.js';

/**
 * Wakes live subscribers: at once for this process's appends, and through a
 * live EventStoreDB subscription to $all for other processes'. Subscribers
 * re-read from their checkpoint, so a missed wake-up only costs the fallback delay.
 */
export class EventStoreDbWakeups implements Wakeups {
  private live: AllStreamSubscription | null = null;
  private closed = false;
  private seen = 0;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly local: EventEmitter,
  ) {
    this.local.on('appended', () => (this.seen += 1));
  }

  mark(): number {
    return this.seen;
  }

  async next(mark: number, fallbackMs: number, signal: AbortSignal): Promise<void> {
    this.listen();
    if (this.seen !== mark || signal.aborted) return;
    await nextAppend(this.local, fallbackMs, signal);
  }

  private listen(): void {
    if (this.live || this.closed) return;
    const live = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    live.on('data', () => this.local.emit('appended'));
    // A broken or ended subscription only costs latency: drop it, start again on the next wait.
    const drop = () => {
      if (this.live === live) this.live = null;
    };
    live.on('error', drop);
    live.on('end', drop);
    live.on('close', drop);
    this.live = live;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.live?.unsubscribe().catch(() => undefined);
    this.live = null;
  }
}
