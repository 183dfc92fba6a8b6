import type { EventStore, SqlQueryable } from '#event-store';
import { readCheckpoint } from './checkpoints.js';
import { readFailure } from './failures.js';
import type { Projection } from './projection.js';
import type { ProjectionStatus, RunnerState } from './runner-status.js';
import { readSkips } from './skips.js';

/**
 * A projection's status as every replica sees it: checkpoint, failure and
 * skips come from the database and the log; only `state` and a failure that
 * reached no event (the database away, another version) are this runner's own.
 */
export const readStatus = async (
  db: SqlQueryable,
  store: EventStore,
  projection: Projection,
  own: { state: RunnerState; error: string | null },
): Promise<ProjectionStatus> => {
  const [checkpoint, head, failedAt, skipped] = await Promise.all([
    readCheckpoint(db, projection.name),
    store.headPosition(),
    readFailure(db, projection),
    readSkips(store, projection),
  ]);
  const position = checkpoint?.position ?? 0;
  return {
    name: projection.name,
    version: projection.version,
    checkpoint: position,
    lag: Math.max(0, head - position),
    // Stuck on an event is failed on every replica, the standby ones included.
    state: failedAt ? 'failed' : own.state,
    error: failedAt?.error ?? own.error,
    failedAt,
    skipped,
    exact: skipped.length === 0,
  };
};
