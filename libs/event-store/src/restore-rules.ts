import type { RecordedEvent } from './event-store.port.js';
import { findChainBreak } from './hash-chain.js';

/** A restore that would not continue the log exactly: nothing of it was written. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(`position ${position}: ${message}`);
    this.name = 'RestoreRefusedError';
  }
}

/** Consecutive events of one stream, appended together. */
export const runsOfOneStream = (events: readonly RecordedEvent[]): RecordedEvent[][] => {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last && last[0].streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
};

/**
 * Restored events must continue the log exactly as recorded: the next
 * positions after the head, linked to its hash, each hash its chain hash,
 * and each stream's revisions without a gap (`revisionOf`: before the batch).
 */
export const checkRestoreBatch = (
  head: { position: number; hash: string },
  events: readonly RecordedEvent[],
  revisionOf: (streamId: string) => number,
): void => {
  events.forEach((event, i) => {
    if (event.globalPosition !== head.position + i + 1) {
      throw new RestoreRefusedError(event.globalPosition, `expected position ${head.position + i + 1}`);
    }
  });
  const broken = findChainBreak(events, head.hash);
  if (broken) {
    throw new RestoreRefusedError(
      broken.globalPosition,
      broken.reason === 'link-mismatch'
        ? 'does not link to the event before it'
        : 'its hash is not its chain hash',
    );
  }
  const revisions = new Map<string, number>();
  for (const event of events) {
    const before = revisions.get(event.streamId) ?? revisionOf(event.streamId);
    if (event.streamRevision !== before + 1) {
      throw new RestoreRefusedError(
        event.globalPosition,
        `stream ${event.streamId} is at revision ${before}, the event claims ${event.streamRevision}`,
      );
    }
    revisions.set(event.streamId, event.streamRevision);
  }
};
