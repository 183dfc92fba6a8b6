import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { ProjectionFailure } from './runner-status.js';

/** A projection's apply threw on these events; the message is the cause's. */
export class EventsFailedError extends Error {
  constructor(
    readonly events: readonly RecordedEvent[],
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'EventsFailedError';
  }
}

/**
 * The event each projection is stuck on. Kept in the database, not in the
 * runner, because only the lease holder runs a projection while any replica
 * behind the load balancer answers its status, readiness and metrics.
 */
export const createFailureTable = (db: SqlQueryable) =>
  db.query(`CREATE TABLE IF NOT EXISTS projection_failures (
    name text PRIMARY KEY,
    version integer NOT NULL,
    position bigint NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    error text NOT NULL,
    since timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 1,
    last_attempt_at timestamptz NOT NULL DEFAULT now()
  )`);

/** Records a failure at `event`; another attempt at the same event keeps its `since` and counts. */
export const recordFailure = (
  db: SqlQueryable,
  projection: { name: string; version: number },
  event: RecordedEvent,
  error: string,
) =>
  db.query(
    `INSERT INTO projection_failures AS f (name, version, position, event_id, event_type, error)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (name) DO UPDATE SET
       since = CASE WHEN f.position = EXCLUDED.position AND f.version = EXCLUDED.version
                    THEN f.since ELSE now() END,
       attempts = CASE WHEN f.position = EXCLUDED.position AND f.version = EXCLUDED.version
                       THEN f.attempts + 1 ELSE 1 END,
       version = EXCLUDED.version, position = EXCLUDED.position, event_id = EXCLUDED.event_id,
       event_type = EXCLUDED.event_type, error = EXCLUDED.error, last_attempt_at = now()`,
    [projection.name, projection.version, event.globalPosition, event.eventId, event.type, error],
  );

/** In the batch's transaction: a checkpoint past the failing event ends the failure. */
export const clearFailure = (tx: SqlQueryable, name: string, upTo: number) =>
  tx.query('DELETE FROM projection_failures WHERE name = $1 AND position <= $2', [name, upTo]);

interface FailureRow {
  name: string;
  version: number;
  position: string;
  event_id: string;
  event_type: string;
  error: string;
  since: Date;
  attempts: number;
  last_attempt_at: Date;
}

const toFailure = (row: FailureRow): ProjectionFailure => ({
  position: Number(row.position),
  eventId: row.event_id,
  eventType: row.event_type,
  error: row.error,
  since: new Date(row.since).toISOString(),
  attempts: row.attempts,
  lastAttemptAt: new Date(row.last_attempt_at).toISOString(),
});

/** Every projection stuck on an event, at the version given for it (others are a deploy in progress). */
export const readFailures = async (
  db: SqlQueryable,
  projections: readonly { name: string; version: number }[],
): Promise<(ProjectionFailure & { name: string })[]> => {
  const rows = await db.query<FailureRow>('SELECT * FROM projection_failures ORDER BY name');
  return rows
    .filter((row) => projections.some((p) => p.name === row.name && p.version === row.version))
    .map((row) => ({ name: row.name, ...toFailure(row) }));
};

export const readFailure = async (
  db: SqlQueryable,
  projection: { name: string; version: number },
): Promise<ProjectionFailure | null> => {
  const [row] = await db.query<FailureRow>(
    'SELECT * FROM projection_failures WHERE name = $1 AND version = $2',
    [projection.name, projection.version],
  );
  return row ? toFailure(row) : null;
};
