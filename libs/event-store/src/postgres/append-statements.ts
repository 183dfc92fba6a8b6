import pg from 'pg';
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

export interface CommandInsert {
  commandId: string;
  fingerprint: string;
  streamId: string;
  result: AppendResult;
  recordedAt: string;
}

/** A literal text[] for a statement sent without parameters. */
const textArray = (values: readonly string[]) =>
  values.length === 0 ? `'{}'::text[]` : `ARRAY[${values.map((v) => pg.escapeLiteral(v)).join(',')}]::text[]`;

/**
 * What an append reads under the lock, sent with the BEGIN in one round trip: the head row locked
 * (serialising all appends) and read, then the streams' revisions and earlier uses of the command ids.
 * The look-up is a statement of its own after the lock on purpose: a statement that waited for the lock
 * still reads other tables as of its start, so only the next one sees what the previous holder committed.
 */
export const lockAndLookUp = (streamIds: readonly string[], commandIds: readonly string[]): string =>
  `SELECT position, hash, recorded_at FROM ledger_head FOR UPDATE;
   SELECT stream_id AS id, revision, NULL AS fingerprint, NULL::jsonb AS result
     FROM ledger_streams WHERE stream_id = ANY(${textArray(streamIds)})
   UNION ALL
   SELECT command_id, NULL, fingerprint, result FROM ledger_commands WHERE command_id = ANY(${textArray(commandIds)})`;

interface HeadRow {
  position: string;
  hash: string;
  recorded_at: Date;
}

interface LookUpRow {
  id: string;
  revision: string | null;
  fingerprint: string | null;
  result: AppendResult | null;
}

/** The rows of `lockAndLookUp` as the chain's head, the streams' revisions and the earlier commands. */
export const lockedState = ([[head], rows]: object[][]) => {
  const { position, hash, recorded_at } = head as HeadRow;
  const revisions = new Map<string, number>();
  const commands = new Map<string, StoredCommand>();
  for (const row of rows as LookUpRow[]) {
    if (row.revision !== null) revisions.set(row.id, Number(row.revision));
    else if (row.fingerprint !== null && row.result !== null)
      commands.set(row.id, { commandId: row.id, fingerprint: row.fingerprint, result: row.result });
  }
  return { head: { position: Number(position), hash, recordedAt: recorded_at }, revisions, commands };
};

/** The events' columns as arrays, for one INSERT … SELECT FROM unnest(…) whatever their number. */
const eventColumns = (events: readonly EventInsert[]) => [
  events.map((e) => e.globalPosition),
  events.map((e) => e.eventId),
  events.map((e) => e.streamId),
  events.map((e) => e.streamRevision),
  events.map((e) => e.type),
  events.map((e) => e.schemaVersion),
  events.map((e) => e.data),
  events.map((e) => e.metadata),
  events.map((e) => e.recordedAt),
  events.map((e) => e.previousHash),
  events.map((e) => e.hash),
];

const INSERT_EVENTS = `INSERT INTO ledger_events (global_position, event_id, stream_id, stream_revision, type,
    schema_version, data, metadata, recorded_at, previous_hash, hash)
  SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::integer[],
    $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[], $11::text[])`;

export const insertEvents = async (tx: SqlQueryable, events: readonly EventInsert[]): Promise<void> => {
  await tx.query(INSERT_EVENTS, eventColumns(events));
};

/**
 * Everything a group of appends writes, in one statement (data-modifying
 * CTEs all run, referenced or not): the events, the command records, the
 * streams' new revisions, the head, and a wake-up for listeners at commit.
 */
export const writeAppends = async (
  tx: SqlQueryable,
  plan: {
    events: readonly EventInsert[];
    commands: readonly CommandInsert[];
    streams: ReadonlyMap<string, number>;
    head: { position: number; hash: string; recordedAt: Date };
  },
): Promise<void> => {
  const { commands, events } = plan;
  await tx.query(
    `WITH events AS (${INSERT_EVENTS}),
     commands AS (
       INSERT INTO ledger_commands (command_id, fingerprint, stream_id, result, recorded_at)
       SELECT * FROM unnest($12::text[], $13::text[], $14::text[], $15::jsonb[], $16::timestamptz[])),
     streams AS (
       INSERT INTO ledger_streams (stream_id, revision) SELECT * FROM unnest($17::text[], $18::bigint[])
       ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision),
     head AS (
       UPDATE ledger_head SET position = $19, hash = $20, recorded_at = $21 WHERE $22)
     SELECT pg_notify('ledger_appended', '') WHERE $22`,
    [
      ...eventColumns(events),
      commands.map((c) => c.commandId),
      commands.map((c) => c.fingerprint),
      commands.map((c) => c.streamId),
      commands.map((c) => JSON.stringify(c.result)),
      commands.map((c) => c.recordedAt),
      [...plan.streams.keys()],
      [...plan.streams.values()],
      plan.head.position,
      plan.head.hash,
      plan.head.recordedAt.toISOString(),
      events.length > 0,
    ],
  );
};
