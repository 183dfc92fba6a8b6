import { type ContentEvent, upcastStored } from '#domain';
import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { Projection, TableName } from '../runner/projection.js';
import { everyType } from '../shared/fact-map.js';

/**
 * The content marketing has published to answer objection categories, each
 * piece with when it went live and when it was withdrawn, in business and
 * knowledge time. Shared by objection gaps, objection coverage on the
 * scorecard and the objectionsUnheard warning sign (see live-content.ts).
 */
export const contentProjection: Projection = {
  name: 'content',
  version: 1,
  tables: ['rm_content'],
  eventTypes: everyType<ContentEvent>({ ContentPublished: true, ContentWithdrawn: true }),

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_content')} (
      content_id text PRIMARY KEY,
      category text NOT NULL,
      title text NOT NULL,
      published_at timestamptz NOT NULL,
      published_recorded_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_recorded_at timestamptz
    )`);
  },

  // Content events change rows in order (publish, then withdraw), so they go one by one.
  async apply(tx, events, t) {
    for (const event of events) await applyContent(tx, event, t);
  },
};

const applyContent = async (tx: SqlQueryable, recorded: RecordedEvent, t: TableName): Promise<void> => {
  const event = upcastStored(recorded) as ContentEvent;
  const { occurredAt, recordedAt } = recorded.metadata;
  switch (event.type) {
    case 'ContentPublished':
      await tx.query(
        `INSERT INTO ${t('rm_content')} (content_id, category, title, published_at, published_recorded_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [event.data.contentId, event.data.category, event.data.title, occurredAt, recordedAt],
      );
      return;
    case 'ContentWithdrawn':
      await tx.query(
        `UPDATE ${t('rm_content')} SET withdrawn_at = $2, withdrawn_recorded_at = $3 WHERE content_id = $1`,
        [event.data.contentId, occurredAt, recordedAt],
      );
      return;
  }
};
