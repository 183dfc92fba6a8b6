import { type Attendee, upcastStored } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../runner/projection.js';
import { blameFlaggedTypes, businessTimeOf, isJoint } from '../shared/business-time.js';
import { insertRows } from '../shared/insert-rows.js';

/**
 * What the warning signs need besides campaigns and objections: blame-flagged
 * events, won deals, joint celebrations and joint huddles — each a row with its
 * business time (a deal's closedAt, a huddle's heldAt) and knowledge time.
 */
type Data = Record<string, unknown>;

const factOf = (event: RecordedEvent, data: Data): { kind: string; at: string } | null => {
  switch (event.type) {
    case 'DealRecorded':
      return data.outcome === 'won' ? { kind: 'won-deal', at: String(data.closedAt) } : null;
    case 'WinCelebrated':
      return isJoint(data.attendees as Attendee[])
        ? { kind: 'joint-celebration', at: event.metadata.occurredAt }
        : null;
    case 'HuddleHeld':
      return isJoint(data.attendees as Attendee[]) ? { kind: 'joint-huddle', at: String(data.heldAt) } : null;
    default:
      return null;
  }
};

export const alignmentFactsProjection: Projection = {
  name: 'alignment-facts',
  version: 1,
  tables: ['rm_alignment_facts'],
  eventTypes: [...blameFlaggedTypes, 'WinCelebrated'],

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_alignment_facts')} (
      position bigint NOT NULL,
      kind text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (position, kind)
    )`);
    await db.query(`CREATE INDEX ON ${t('rm_alignment_facts')} (kind, occurred_at)`);
  },

  async apply(tx, events, t) {
    const rows: unknown[][] = [];
    for (const event of events) {
      const data = upcastStored(event).data as Data;
      const { recordedAt } = event.metadata;
      const fact = factOf(event, data);
      if (fact) rows.push([event.globalPosition, fact.kind, fact.at, recordedAt]);
      if (data.blameFlag === true)
        rows.push([event.globalPosition, 'blame', businessTimeOf(event, data), recordedAt]);
    }
    await insertRows(tx, t('rm_alignment_facts'), ['position', 'kind', 'occurred_at', 'recorded_at'], rows);
  },
};
