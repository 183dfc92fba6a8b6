import { upcastStored } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../runner/projection.js';

interface Attendee {
  personId: string;
  team: 'sales' | 'marketing';
}

const joint = (attendees: readonly Attendee[]) =>
  attendees.some((a) => a.team === 'sales') && attendees.some((a) => a.team === 'marketing');

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
      return joint(data.attendees as Attendee[])
        ? { kind: 'joint-celebration', at: event.metadata.occurredAt }
        : null;
    case 'HuddleHeld':
      return joint(data.attendees as Attendee[]) ? { kind: 'joint-huddle', at: String(data.heldAt) } : null;
    default:
      return null;
  }
};

const BLAME_FLAGGED = [
  'ObjectionLogged',
  'CampaignReviewed',
  'BlindsideReported',
  'LeadRejected',
  'DealRecorded',
  'HuddleHeld',
  'RetroClosed',
];

const businessTime = (event: RecordedEvent, data: Data): string => {
  if (event.type === 'DealRecorded') return String(data.closedAt);
  if (event.type === 'HuddleHeld') return String(data.heldAt);
  return event.metadata.occurredAt;
};

export const alignmentFactsProjection: Projection = {
  name: 'alignment-facts',
  version: 1,
  tables: ['rm_alignment_facts'],
  eventTypes: [...BLAME_FLAGGED, 'WinCelebrated'],

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
    const params: unknown[] = [];
    const rows: string[] = [];
    const add = (event: RecordedEvent, kind: string, at: string) => {
      params.push(event.globalPosition, kind, at, event.metadata.recordedAt);
      const n = params.length;
      rows.push(`($${n - 3}, $${n - 2}, $${n - 1}, $${n})`);
    };
    for (const event of events) {
      const data = upcastStored(event).data as Data;
      const fact = factOf(event, data);
      if (fact) add(event, fact.kind, fact.at);
      if (data.blameFlag === true) add(event, 'blame', businessTime(event, data));
    }
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO ${t('rm_alignment_facts')} (position, kind, occurred_at, recorded_at) VALUES ${rows.join(', ')}`,
      params,
    );
  },
};
