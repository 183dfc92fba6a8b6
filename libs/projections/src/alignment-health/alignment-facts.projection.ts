import {
  type CelebrationEvent,
  type DealEvent,
  type HuddleEvent,
  type LedgerEvent,
  blameFlaggedEventTypes,
  businessTimeOf,
  isBlameFlagged,
  isJoint,
  upcastStored,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../runner/projection.js';
import { type FactMap, factsOf, mappedTypes } from '../shared/fact-map.js';
import { insertRows } from '../shared/insert-rows.js';

/** The kinds of rm_alignment_facts; each row also has its business and knowledge time. */
export type AlignmentFactKind = 'won-deal' | 'joint-celebration' | 'joint-huddle' | 'blame';

/**
 * What the warning signs need besides campaigns and objections: won deals,
 * joint celebrations and joint huddles, and every blame-flagged event.
 */
const alignmentFacts: FactMap<DealEvent | CelebrationEvent | HuddleEvent, AlignmentFactKind> = {
  DealRecorded: ({ data }) => (data.outcome === 'won' ? ['won-deal'] : []),
  WinCelebrated: ({ data }) => (isJoint(data.attendees) ? ['joint-celebration'] : []),
  HuddleHeld: ({ data }) => (isJoint(data.attendees) ? ['joint-huddle'] : []),
  ActionItemCompleted: null,
};

const rowsOf = (recorded: RecordedEvent): unknown[][] => {
  const event = upcastStored(recorded) as LedgerEvent;
  const kinds = factsOf(alignmentFacts, recorded, event);
  if (isBlameFlagged(event)) kinds.push('blame');
  const occurredAt = businessTimeOf(event, recorded.metadata.occurredAt);
  return kinds.map((kind) => [recorded.globalPosition, kind, occurredAt, recorded.metadata.recordedAt]);
};

export const alignmentFactsProjection: Projection = {
  name: 'alignment-facts',
  version: 1,
  tables: ['rm_alignment_facts'],
  eventTypes: [...new Set([...mappedTypes(alignmentFacts), ...blameFlaggedEventTypes])],

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
    const columns = ['position', 'kind', 'occurred_at', 'recorded_at'];
    await insertRows(tx, t('rm_alignment_facts'), columns, events.flatMap(rowsOf));
  },
};
