import type { EventFilter, RecordedEvent } from '../event-store.port.js';

export interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  previous_hash: string;
  hash: string;
}

export const EVENT_COLUMNS = `global_position, event_id, stream_id, stream_revision, type,
  schema_version, data, metadata, previous_hash, hash`;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  streamRevision: Number(row.stream_revision),
  globalPosition: Number(row.global_position),
  previousHash: row.previous_hash,
  hash: row.hash,
});

/** SQL conditions for a filter; parameters are appended to `params`. */
export const filterClause = (filter: EventFilter | undefined, params: unknown[]): string => {
  let clause = '';
  if (filter?.eventTypes?.length) {
    params.push(filter.eventTypes);
    clause += ` AND type = ANY($${params.length}::text[])`;
  }
  if (filter?.streamCategories?.length) {
    params.push(filter.streamCategories);
    clause += ` AND split_part(stream_id, '-', 1) = ANY($${params.length}::text[])`;
  }
  return clause;
};
