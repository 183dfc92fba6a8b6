import { type ObjectionEvent, type ObjectionLogged, upcastStored } from '#domain';
import type { Projection } from '../runner/projection.js';
import { everyType } from '../shared/fact-map.js';
import { insertRows } from '../shared/insert-rows.js';

/**
 * Facts, not totals: each objection is a row with its business time and the
 * time the ledger recorded it, so one SQL query can answer "as of" any moment
 * without replaying (see objection-gaps.query.ts). Version 3: the content it
 * kept until version 2 is the content model's now (its old table,
 * rm_content_facts, is left for replicas still on version 2; see README).
 */
export const objectionGapsProjection: Projection = {
  name: 'objection-gaps',
  version: 3,
  tables: ['rm_objection_facts'],
  eventTypes: everyType<ObjectionEvent>({ ObjectionLogged: true }),

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
  },

  async apply(tx, events, t) {
    await insertRows(
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
  },
};
