import { CommandIdReusedError } from '../errors.js';
import type { AppendResult, RecordedEvent, StoredCommand } from '../event-store.port.js';
import type { SqlQueryable } from '../postgres/sql-database.js';

/**
 * The command record of the EventStoreDB backend, kept in PostgreSQL next to
 * the read models (tables: migration 3). A row with no result is an append in
 * doubt: its intent — the exact events and expected revision — was committed
 * before they were sent, so whoever holds the append lock next can send them
 * again and learn for certain whether they are in (see rollForward).
 */
export interface CommandRecord {
  commandId: string;
  fingerprint: string;
  streamId: string;
  /** The stream's revision the events follow (-1: a new stream). */
  expectedRevision: number;
  /** Chained: positions, hashes and knowledge time fixed when the intent was made. */
  events: RecordedEvent[];
  result?: AppendResult;
}

type Row = {
  command_id: string;
  fingerprint: string;
  stream_id: string;
  expected_revision: string;
  events: RecordedEvent[];
  result: AppendResult | null;
};

const COLUMNS = 'command_id, fingerprint, stream_id, expected_revision, events, result';

const toRecord = (row: Row): CommandRecord => ({
  commandId: row.command_id,
  fingerprint: row.fingerprint,
  streamId: row.stream_id,
  expectedRevision: Number(row.expected_revision),
  events: row.events,
  result: row.result ?? undefined,
});

export const findRecord = async (db: SqlQueryable, commandId: string): Promise<CommandRecord | null> => {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM ledger_esdb_commands WHERE command_id = $1`, [
    commandId,
  ]);
  return row ? toRecord(row) : null;
};

/** Appends in doubt, in the order of the positions they claim. */
export const findIntents = async (db: SqlQueryable): Promise<CommandRecord[]> =>
  (
    await db.query<Row>(
      `SELECT ${COLUMNS} FROM ledger_esdb_commands WHERE result IS NULL
       ORDER BY (events->0->>'globalPosition')::bigint`,
    )
  ).map(toRecord);

/** Committed before the events are sent, so that whatever happens next leaves a trace to settle. */
export const recordIntent = (db: SqlQueryable, record: CommandRecord): Promise<unknown> =>
  db.query(
    `INSERT INTO ledger_esdb_commands (command_id, fingerprint, stream_id, expected_revision, events)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      record.commandId,
      record.fingerprint,
      record.streamId,
      record.expectedRevision,
      JSON.stringify(record.events),
    ],
  );

export const recordResult = async (
  db: SqlQueryable,
  record: CommandRecord,
  result: AppendResult,
  logPosition?: { commit: bigint; prepare: bigint },
): Promise<void> => {
  // Settled: the events are in the log, so the record keeps only the result.
  await db.query(
    `INSERT INTO ledger_esdb_commands (command_id, fingerprint, stream_id, expected_revision, events, result)
     VALUES ($1, $2, $3, $4, '[]', $5) ON CONFLICT (command_id) DO UPDATE SET result = $5, events = '[]'`,
    [record.commandId, record.fingerprint, record.streamId, record.expectedRevision, JSON.stringify(result)],
  );
  if (!logPosition || result.events.length === 0) return;
  await db.query(
    `INSERT INTO ledger_esdb_positions (ledger_position, commit_position, prepare_position) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [result.globalPosition, logPosition.commit.toString(), logPosition.prepare.toString()],
  );
};

/** The intent's events can never land (their expected revision has passed): the command never happened. */
export const forgetIntent = (db: SqlQueryable, commandId: string): Promise<unknown> =>
  db.query('DELETE FROM ledger_esdb_commands WHERE command_id = $1 AND result IS NULL', [commandId]);

/** The log position of the latest append that ends at or before the ledger position, if known. */
export const logPositionAtOrBefore = async (
  db: SqlQueryable,
  ledgerPosition: number,
): Promise<{ commit: bigint; prepare: bigint } | null> => {
  const [row] = await db.query<{ commit_position: string; prepare_position: string }>(
    `SELECT commit_position, prepare_position FROM ledger_esdb_positions
     WHERE ledger_position <= $1 ORDER BY ledger_position DESC LIMIT 1`,
    [ledgerPosition],
  );
  return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : null;
};

export const stored = ({ commandId, fingerprint }: CommandRecord, result: AppendResult): StoredCommand => ({
  commandId,
  fingerprint,
  result,
});

export const replay = (record: StoredCommand, fingerprint: string): AppendResult => {
  if (record.fingerprint !== fingerprint) throw new CommandIdReusedError(record.commandId);
  return { ...record.result, replayed: true };
};

/** What an append answers; `head` stands as the position when it appended nothing. */
export const resultOf = (record: CommandRecord, head: number): AppendResult => ({
  streamId: record.streamId,
  commandId: record.commandId,
  streamRevision: record.events.at(-1)?.streamRevision ?? record.expectedRevision,
  globalPosition: record.events.at(-1)?.globalPosition ?? head,
  events: record.events.map(({ eventId, type, streamRevision, globalPosition }) => ({
    eventId,
    type,
    streamRevision,
    globalPosition,
  })),
  replayed: false,
});
