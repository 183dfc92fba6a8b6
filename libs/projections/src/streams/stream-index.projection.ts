import { streamCategory } from '#event-store';
import type { Projection } from '../runner/projection.js';
import { insertRows } from '../shared/insert-rows.js';

/**
 * Every stream of the log: category, revision, how many events, the first
 * and last global position, the knowledge time of the last. What an auditor
 * reads to know which streams there are before reading one.
 */
export const streamIndexProjection: Projection = {
  name: 'stream-index',
  version: 1,
  tables: ['rm_streams'],
  eventTypes: 'all',

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_streams')} (
      stream_id text COLLATE "C" PRIMARY KEY,
      category text NOT NULL,
      revision bigint NOT NULL,
      events bigint NOT NULL,
      first_position bigint NOT NULL,
      last_position bigint NOT NULL,
      last_recorded_at timestamptz NOT NULL
    )`);
  },

  // One row a stream a batch, summed in memory: a batch of one busy stream is one upsert. C collation:
  // ids sort by their bytes, and a prefix LIKE uses the key.
  async apply(tx, events, t) {
    const streams = new Map<string, [string, string, number, number, number, number, string]>();
    for (const event of events) {
      const seen = streams.get(event.streamId);
      if (seen) {
        seen[2] = event.streamRevision;
        seen[3] += 1;
        seen[5] = event.globalPosition;
        seen[6] = event.metadata.recordedAt;
      } else {
        const { streamId, streamRevision, globalPosition, metadata } = event;
        streams.set(streamId, [
          streamId,
          streamCategory(streamId),
          streamRevision,
          1,
          globalPosition,
          globalPosition,
          metadata.recordedAt,
        ]);
      }
    }
    const columns = [
      'stream_id',
      'category',
      'revision',
      'events',
      'first_position',
      'last_position',
      'last_recorded_at',
    ];
    await insertRows(tx, t('rm_streams'), columns, [...streams.values()], {
      onConflict: `(stream_id) DO UPDATE SET revision = EXCLUDED.revision, events = ${t('rm_streams')}.events + EXCLUDED.events,
        last_position = EXCLUDED.last_position, last_recorded_at = EXCLUDED.last_recorded_at`,
    });
  },
};
