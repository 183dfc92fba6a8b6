import type { RecordedEvent, SqlQueryable } from '#event-store';

/** Maps a table's base name to the one in use: the live table, or a rebuild's shadow. */
export type TableName = (base: string) => string;

/**
 * A read model kept in SQL. `apply` folds a batch of events into its tables;
 * the runner calls it inside the transaction that also moves the checkpoint,
 * so a batch takes effect exactly once or not at all.
 */
export interface Projection {
  name: string;
  /** Bump when the tables or the fold change: the model is then rebuilt from position 0. */
  version: number;
  /** The event types it folds, the others only moving its checkpoint; 'all': every event, in order, none left out. */
  eventTypes: readonly string[] | 'all';
  /** Base names of its tables: dropped, swapped and checksummed by the runner. */
  tables: readonly string[];
  /** Creates its tables (and their indexes); called only when they do not exist. */
  createTables(db: SqlQueryable, t: TableName): Promise<void>;
  apply(tx: SqlQueryable, events: readonly RecordedEvent[], t: TableName): Promise<void>;
}
