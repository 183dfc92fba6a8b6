import { randomUUID } from 'node:crypto';
import { schemaVersionOf } from '#domain';
import { type JsonObject, PostgresEventStore, type SqlDatabase } from '#event-store';
import { type Projection, ProjectionRunner } from '#projections';
import { appendTo } from '#testing';

/** One event of a test history: what happened, when it happened, and when the ledger recorded it. */
export interface HistoryEntry {
  type: string;
  data: JsonObject;
  occurredAt: string;
  recordedAt: string;
}

/** [type, data, occurredAt], recorded a minute after it occurred. */
export const recordedAMinuteLater = ([type, data, occurredAt]: [
  string,
  JsonObject,
  string,
]): HistoryEntry => ({
  type,
  data,
  occurredAt,
  recordedAt: new Date(Date.parse(occurredAt) + 60_000).toISOString(),
});

/**
 * Appends the entries in order, each at its recordedAt (the store's clock is
 * the test's), each in a stream of its own, at its current schema version;
 * then folds them into the given read models.
 */
export const projectHistory = async (
  db: SqlDatabase,
  entries: readonly HistoryEntry[],
  projections: readonly Projection[],
  batchSize?: number,
): Promise<PostgresEventStore> => {
  const clock = { now: new Date(0) };
  const store = await PostgresEventStore.open(db, { now: () => clock.now });
  for (const { type, data, occurredAt, recordedAt } of entries) {
    clock.now = new Date(recordedAt);
    const metadata = {
      commandId: randomUUID(),
      correlationId: 'c',
      causationId: 'c',
      actor: null,
      occurredAt,
    };
    await appendTo(store, `x-${randomUUID()}`, [
      { eventId: randomUUID(), type, schemaVersion: schemaVersionOf(type), data, metadata },
    ]);
  }
  for (const projection of projections) {
    const runner = new ProjectionRunner(db, store, projection, { batchSize });
    await runner.prepare();
    await runner.catchUp();
  }
  return store;
};
