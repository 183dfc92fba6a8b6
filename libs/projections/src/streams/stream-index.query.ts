import type { ReadModelQuery } from '../runner/read-model-query.js';
import { streamIndexProjection } from './stream-index.projection.js';

export interface StreamSummary {
  streamId: string;
  category: string;
  revision: number;
  events: number;
  firstPosition: number;
  lastPosition: number;
  lastRecordedAt: string;
}

export interface StreamIndexParams {
  /** Only streams whose id starts with this. */
  prefix?: string;
  /** Keyset paging: streams whose id sorts after this one. */
  after?: string;
  limit: number;
}

interface Row {
  stream_id: string;
  category: string;
  revision: string;
  events: string;
  first_position: string;
  last_position: string;
  last_recorded_at: Date;
}

/** LIKE's own characters in a prefix match themselves. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The streams in id order (the order of their bytes), a page at a time. */
export const streamIndexQuery: ReadModelQuery<StreamIndexParams, StreamSummary[]> = {
  reads: [streamIndexProjection],
  async run(db, { prefix, after, limit }) {
    const rows = await db.query<Row>(
      `SELECT stream_id, category, revision, events, first_position, last_position, last_recorded_at
       FROM rm_streams
       WHERE stream_id LIKE $1 AND ($2::text IS NULL OR stream_id > $2)
       ORDER BY stream_id LIMIT $3`,
      [likePrefix(prefix ?? ''), after ?? null, limit],
    );
    return rows.map((row) => ({
      streamId: row.stream_id,
      category: row.category,
      revision: Number(row.revision),
      events: Number(row.events),
      firstPosition: Number(row.first_position),
      lastPosition: Number(row.last_position),
      lastRecordedAt: row.last_recorded_at.toISOString(),
    }));
  },
};
