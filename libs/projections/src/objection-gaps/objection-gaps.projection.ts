import { type ContentEvent, type ObjectionLogged, upcastStored } from '#domain';
import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { Projection, TableName } from '../runner/projection.js';
import { insertRows } from '../shared/insert-rows.js';

/**
 * Facts, not totals: each objection and each piece of content is a row with
 * its business time and the time the ledger recorded it, so one SQL query can
 * answer "as of" any moment without replaying (see objection-gaps.query.ts).
 */
export const objectionGapsProjection: Projection = {
  name: 'objection-gaps',
  version: 2,
  tables: ['rm_objection_facts', 'rm_content_facts'],
  eventTypes: ['ObjectionLogged', 'ContentPublished', 'ContentWithdrawn'],

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_objection_facts')} (
      position bigint PRIMARY KEY,
      category text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    // Queries read a window of business time as known at an instant: an index-only range scan.
    await db.query(
      `CREATE INDEX ON ${t('rm_objection_facts')} (occurred_at) INCLUDE (category, recorded_at)`,
    );
    await db.query(`CREATE TABLE ${t('rm_content_facts')} (
      content_id text PRIMARY KEY,
      category text NOT NULL,
      title text NOT NULL,
      published_at timestamptz NOT NULL,
      published_recorded_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_recorded_at timestamptz
    )`);
  },

  async apply(tx, events, t) {
    // Objections are independent rows: one multi-row INSERT per batch. Content
    // events change rows in order (publish, then withdraw), so they go one by one.
    const objections = events.filter((e) => e.type === 'ObjectionLogged');
    if (objections.length > 0) await insertObjections(tx, objections, t);
    for (const event of events) if (event.type !== 'ObjectionLogged') await applyContent(tx, event, t);
  },
};

const insertObjections = (tx: SqlQueryable, events: RecordedEvent[], t: TableName): Promise<void> =>
  insertRows(
    tx,
    t('rm_objection_facts'),
    ['position', 'category', 'occurred_at', 'recorded_at'],
    events.map((recorded) => [
      recorded.globalPosition,
      (upcastStored(recorded) as ObjectionLogged).data.category,
      recorded.metadata.occurredAt,
      recorded.metadata.recordedAt,
    ]),
  );

const applyContent = async (tx: SqlQueryable, recorded: RecordedEvent, t: TableName): Promise<void> => {
  const event = upcastStored(recorded) as ContentEvent;
  const { occurredAt, recordedAt } = recorded.metadata;
  switch (event.type) {
    case 'ContentPublished':
      await tx.query(
        `INSERT INTO ${t('rm_content_facts')} (content_id, category, title, published_at, published_recorded_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [event.data.contentId, event.data.category, event.data.title, occurredAt, recordedAt],
      );
      return;
    case 'ContentWithdrawn':
      await tx.query(
        `UPDATE ${t('rm_content_facts')} SET withdrawn_at = $2, withdrawn_recorded_at = $3 WHERE content_id = $1`,
        [event.data.contentId, occurredAt, recordedAt],
      );
      return;
  }
};
