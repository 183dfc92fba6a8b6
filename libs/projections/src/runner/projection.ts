import type { RecordedEvent, SqlQueryable } from '#event-store';

/**
 * A read model kept in SQL. `apply` folds a batch of events into its tables;
 * the runner calls it inside the transaction that also moves the checkpoint,
 * so a batch takes effect exactly once or not at all.
 */
export interface Projection {
  name: string;
  /** Bump when the tables or the fold change: the model is then rebuilt from position 0. */
  version: number;
  /** The event types it folds; the others only move its checkpoint. */
  eventTypes: readonly string[];
  /** Creates its tables if missing (idempotent). */
  createTables(db: SqlQueryable): Promise<void>;
  /** Drops its tables, before a rebuild from position 0. */
  dropTables(db: SqlQueryable): Promise<void>;
  apply(tx: SqlQueryable, events: readonly RecordedEvent[]): Promise<void>;
}
