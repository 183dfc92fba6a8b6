import { once } from 'node:events';
import type { Response } from 'express';
import type { EventStore } from '#event-store';
import { type EventsFilter, readMatching } from './read-all-events.js';

export const NDJSON = 'application/x-ndjson';

/** Events read from the store per round trip while exporting. */
const EXPORT_PAGE = 1_000;

/**
 * Streams the log after `filter.after` as NDJSON, one event per line, up to the
 * head as it was when the export began: a page at a time, waiting for the
 * client to take each (backpressure), so memory stays constant whatever the
 * log's size. Resumable: every line carries its globalPosition, to send as
 * `after` next time. A client that goes away stops the reading.
 */
export const exportEvents = async (
  store: EventStore,
  filter: Omit<EventsFilter, 'limit'>,
  response: Response,
) => {
  const head = await store.headPosition();
  response.status(200).setHeader('Content-Type', `${NDJSON}; charset=utf-8`);
  response.setHeader('X-Ledger-Head-Position', String(head));
  // One listener for the whole export: a client gone mid-wait ends the wait.
  const gone = once(response, 'close');
  try {
    let after = filter.after;
    while (after < head && !response.destroyed) {
      const { matching, last } = await readMatching(
        store,
        filter,
        after,
        Math.min(EXPORT_PAGE, head - after),
      );
      if (last === null) break;
      // Up to the head as it was: events appended since are the next export's.
      const lines = matching
        .filter((event) => event.globalPosition <= head)
        .map((event) => `${JSON.stringify(event)}\n`)
        .join('');
      if (lines && !response.write(lines)) await Promise.race([once(response, 'drain'), gone]);
      after = last;
    }
  } catch (error) {
    if (!response.headersSent) throw error;
    // The status line is gone: cut the stream short, so the client cannot take it for the whole log.
    response.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  response.end();
};
