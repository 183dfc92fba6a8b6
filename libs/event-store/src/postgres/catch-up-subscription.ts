import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port.js';
import type { AppendWakeups } from './append-wakeups.js';

const FALLBACK_WAKE_MS = 1_000;

/**
 * Reads from the checkpoint in batches until caught up, then waits for the
 * next append and reads again from where it stopped. Catch-up and live are the
 * same loop, so there is no hand-over in which an event could fall through.
 */
export class CatchUpSubscription implements Subscription {
  private readonly abort = new AbortController();

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly wakeups: AppendWakeups,
    private readonly options: SubscribeOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    let checkpoint = this.options.afterPosition ?? 0;
    const batchSize = this.options.batchSize ?? 500;
    while (!this.abort.signal.aborted) {
      const mark = this.wakeups.mark();
      const batch = await this.store.readAll({
        afterPosition: checkpoint,
        maxCount: batchSize,
        filter: this.options.filter,
      });
      for (const event of batch) {
        if (this.abort.signal.aborted) return;
        checkpoint = event.globalPosition;
        yield event;
      }
      if (batch.length < batchSize) await this.wakeups.next(mark, FALLBACK_WAKE_MS, this.abort.signal);
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
  }
}
