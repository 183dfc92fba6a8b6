import { NO_REVISION, type RecordedEvent } from '../event-store.port.js';
import { checkRestoreBatch } from '../restore-rules.js';
import { insertEvents } from './append-statements.js';
import type { SqlQueryable } from './sql-database.js';

/**
 * Writes recorded events as they are (positions, hashes, knowledge times)
 * after the head, in the caller's transaction, once checkRestoreBatch holds.
 */
export const restoreEvents = async (tx: SqlQueryable, events: readonly RecordedEvent[]): Promise<void> => {
  const [head] = await tx.query<{ position: string; hash: string }>(
    'SELECT position, hash FROM ledger_head FOR UPDATE',
  );
  const streamIds = [...new Set(events.map((event) => event.streamId))];
  const rows = await tx.query<{ stream_id: string; revision: string }>(
    'SELECT stream_id, revision FROM ledger_streams WHERE stream_id = ANY($1)',
    [streamIds],
  );
  const revisions = new Map(rows.map((row) => [row.stream_id, Number(row.revision)]));
  checkRestoreBatch(
    { position: Number(head.position), hash: head.hash },
    events,
    (id) => revisions.get(id) ?? NO_REVISION,
  );
  await insertEvents(
    tx,
    events.map((event) => ({
      ...event,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      recordedAt: event.metadata.recordedAt,
    })),
  );
  const last = new Map(events.map((event) => [event.streamId, event.streamRevision]));
  const tail = events[events.length - 1];
  await tx.query(
    `WITH streams AS (
       INSERT INTO ledger_streams (stream_id, revision) SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision),
     head AS (UPDATE ledger_head SET position = $3, hash = $4, recorded_at = $5)
     SELECT pg_notify('ledger_appended', '')`,
    [[...last.keys()], [...last.values()], tail.globalPosition, tail.hash, tail.metadata.recordedAt],
  );
};
