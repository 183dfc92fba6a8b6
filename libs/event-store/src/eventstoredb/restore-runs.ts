import type { EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import type { SqlQueryable } from '../postgres/sql-database.js';
import { RestoreRefusedError, checkRestoreBatch, runsOfOneStream } from '../restore-rules.js';
import { type CommandRecord, recordIntent } from './command-records.js';
import type { Intents } from './intents.js';
import { readTail } from './read-all-pages.js';
import { readStreamRevision } from './stream-reads.js';

/** Command ids of restored runs: a prefix no client's Idempotency-Key is turned into. */
const restoreCommandId = (run: readonly RecordedEvent[]) => `ledger-restore:${run[0].globalPosition}`;

/**
 * Restores events under the append lock, one run of a stream at a time,
 * each sent as an intent (so a crash halfway settles like any append) with
 * the revision before it as the expected one.
 */
export const restoreRuns = async (
  client: EventStoreDBClient,
  db: SqlQueryable,
  intents: Intents,
  events: readonly RecordedEvent[],
): Promise<void> => {
  const head = await readTail(client);
  const streams = new Map<string, number>();
  for (const id of new Set(events.map((event) => event.streamId))) {
    streams.set(id, await readStreamRevision(client, id));
  }
  checkRestoreBatch(head, events, (id) => streams.get(id) as number);
  for (const run of runsOfOneStream(events)) {
    const record: CommandRecord = {
      commandId: restoreCommandId(run),
      fingerprint: 'restore',
      streamId: run[0].streamId,
      expectedRevision: run[0].streamRevision - 1,
      events: [...run],
    };
    await recordIntent(db, record);
    if (!(await intents.rollForward(db, record))) {
      throw new RestoreRefusedError(
        run[0].globalPosition,
        `stream ${record.streamId} moved during the restore`,
      );
    }
  }
};
