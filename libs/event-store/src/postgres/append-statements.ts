import type { AppendResult, StoredCommand } from '../event-store.port.js';
import type { SqlQueryable } from './sql-database.js';

/** The end of the global order, read under the append lock. */
export interface ChainHead {
  position: number;
  hash: string;
  recordedAt: Date;
}

export interface EventInsert {
  globalPosition: number;
  eventId: string;
  streamId: string;
  streamRevision: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  recordedAt: string;
  previousHash: string;
  hash: string;
}

/** 11 parameters an event; PostgreSQL allows 65,535 per statement. */
const EVENTS_PER_STATEMENT = 1_000;

/**
 * Locks the head row, serialising all appends, then reads the stream's
 * revision and any earlier use of the command id. Two statements on purpose:
 * a statement that waited for the lock still reads other tables as of its
 * start, so only the next statement sees what the previous holder committed.
 */
export const lockHead = async (tx: SqlQueryable, streamId: string, commandId: string) => {
  const [head] = await tx.query<{ position: string; hash: string; recorded_at: Date }>(
    'SELECT position, hash, recorded_at FROM ledger_head FOR UPDATE',
  );
  const [row] = await tx.query<{
    revision: string | null;
    fingerprint: string | null;
    result: AppendResult | null;
  }>(
    `SELECT (SELECT revision FROM ledger_streams WHERE stream_id = $1) AS revision,
       (SELECT fingerprint FROM ledger_commands WHERE command_id = $2) AS fingerprint,
       (SELECT result FROM ledger_commands WHERE command_id = $2) AS result`,
    [streamId, commandId],
  );
  const earlier: StoredCommand | null =
    row.fingerprint !== null && row.result !== null
      ? { commandId, fingerprint: row.fingerprint, result: row.result }
      : null;
  return {
    head: { position: Number(head.position), hash: head.hash, recordedAt: head.recorded_at } as ChainHead,
    revision: row.revision === null ? null : Number(row.revision),
    earlier,
  };
};

export const insertEvents = async (tx: SqlQueryable, events: EventInsert[]): Promise<void> => {
  for (let start = 0; start < events.length; start += EVENTS_PER_STATEMENT) {
    const chunk = events.slice(start, start + EVENTS_PER_STATEMENT);
    const params: unknown[] = [];
    const rows = chunk.map((e) => {
      const base = params.length;
      params.push(
        e.globalPosition,
        e.eventId,
        e.streamId,
        e.streamRevision,
        e.type,
        e.schemaVersion,
        e.data,
        e.metadata,
        e.recordedAt,
        e.previousHash,
        e.hash,
      );
      return `(${Array.from({ length: 11 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await tx.query(
      `INSERT INTO ledger_events (global_position, event_id, stream_id, stream_revision, type,
         schema_version, data, metadata, recorded_at, previous_hash, hash)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
};

/** Moves the stream and the head forward, records the command, and wakes listeners at commit. */
export const recordAppend = async (
  tx: SqlQueryable,
  result: AppendResult,
  fingerprint: string,
  head: { hash: string; recordedAt: string },
): Promise<void> => {
  const command = [result.commandId, fingerprint, result.streamId, JSON.stringify(result), head.recordedAt];
  if (result.events.length === 0) {
    await tx.query(
      `INSERT INTO ledger_commands (command_id, fingerprint, stream_id, result, recorded_at)
       VALUES ($1, $2, $3, $4, $5)`,
      command,
    );
    return;
  }
  // Data-modifying CTEs all run, referenced or not: one round trip for the lot.
  await tx.query(
    `WITH command AS (
       INSERT INTO ledger_commands (command_id, fingerprint, stream_id, result, recorded_at)
       VALUES ($1, $2, $3, $4, $5)),
     stream AS (
       INSERT INTO ledger_streams (stream_id, revision) VALUES ($3, $6)
       ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision),
     head AS (
       UPDATE ledger_head SET position = $7, hash = $8, recorded_at = $5)
     SELECT pg_notify('ledger_appended', '')`,
    [...command, result.streamRevision, result.globalPosition, head.hash],
  );
};
