import type { AppendResult, StoredCommand } from '../event-store.port.js';
import type { SqlQueryable } from '../postgres/sql-database.js';

/**
 * The command record of the EventStoreDB backend, kept in PostgreSQL next to
 * the read models. A row with no result is an append in doubt: its intent was
 * committed before the events were sent to EventStoreDB, and whether they
 * arrived is settled by looking for their (deterministic) ids in the stream.
 * Tables: migration 3.
 */
export interface CommandRecord extends Partial<StoredCommand> {
  commandId: string;
  fingerprint: string;
  streamId: string;
  eventIds: string[];
}

export const findRecord = async (db: SqlQueryable, commandId: string): Promise<CommandRecord | null> => {
  const [row] = await db.query<{
    fingerprint: string;
    stream_id: string;
    event_ids: string[];
    result: AppendResult | null;
  }>('SELECT fingerprint, stream_id, event_ids, result FROM ledger_esdb_commands WHERE command_id = $1', [
    commandId,
  ]);
  if (!row) return null;
  return {
    commandId,
    fingerprint: row.fingerprint,
    streamId: row.stream_id,
    eventIds: row.event_ids,
    result: row.result ?? undefined,
  };
};

/** Committed before the append is sent, so that a crash after sending leaves a trace to settle. */
export const recordIntent = (db: SqlQueryable, record: CommandRecord): Promise<unknown> =>
  db.query(
    `INSERT INTO ledger_esdb_commands (command_id, fingerprint, stream_id, event_ids) VALUES ($1, $2, $3, $4)
     ON CONFLICT (command_id) DO UPDATE SET fingerprint = $2, stream_id = $3, event_ids = $4
     WHERE ledger_esdb_commands.result IS NULL`,
    [record.commandId, record.fingerprint, record.streamId, JSON.stringify(record.eventIds)],
  );

export const recordResult = async (
  db: SqlQueryable,
  record: CommandRecord,
  result: AppendResult,
  logPosition?: { commit: bigint; prepare: bigint },
): Promise<void> => {
  await db.query(
    `INSERT INTO ledger_esdb_commands (command_id, fingerprint, stream_id, event_ids, result) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (command_id) DO UPDATE SET result = $5`,
    [
      record.commandId,
      record.fingerprint,
      record.streamId,
      JSON.stringify(record.eventIds),
      JSON.stringify(result),
    ],
  );
  if (!logPosition || result.events.length === 0) return;
  await db.query(
    `INSERT INTO ledger_esdb_positions (ledger_position, commit_position, prepare_position) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [result.globalPosition, logPosition.commit.toString(), logPosition.prepare.toString()],
  );
};

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
