import type { SqlQueryable } from '#event-store';
import type { Scorecard } from '../scorecard.js';
import { type Handoff, leadSla } from '../lead-sla.js';
import { earliestAnswer } from '../first-answers.js';
import { inPeriod } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

/** Without a goal for the period, sales has a day to follow a lead up. */
const DEFAULT_LEAD_FOLLOW_UP_SLA_HOURS = 24;

export const slaHoursOf = (goal: Scorecard['goal']): number =>
  goal?.leadFollowUpSlaHours ?? DEFAULT_LEAD_FOLLOW_UP_SLA_HOURS;

/** A handoff of the period, the fact that records it (position, lead) and its first follow-up. */
export type RecordedHandoff = Handoff & { position: number; subject: string; recordedAt: Date };

/** Handoffs of the period, each with the earliest follow-up known, whatever its business time. */
export const readHandoffs = async (
  db: SqlQueryable,
  bounds: ScorecardScope['bounds'],
): Promise<RecordedHandoff[]> => {
  const rows = await db.query<{
    position: string;
    subject: string;
    handed_off_at: Date;
    recorded_at: Date;
    first_follow_up_at: Date | null;
  }>(
    `SELECT h.position, h.subject, h.occurred_at AS handed_off_at, h.recorded_at,
       ${earliestAnswer('h', 'lead-handed-off')} AS first_follow_up_at
     FROM rm_scorecard_facts h WHERE h.kind = 'lead-handed-off' AND ${inPeriod('h.')}
     ORDER BY h.position, h.subject`,
    bounds,
  );
  return rows.map((row) => ({
    position: Number(row.position),
    subject: row.subject,
    handedOffAt: row.handed_off_at,
    recordedAt: row.recorded_at,
    firstFollowUpAt: row.first_follow_up_at,
  }));
};

export const readLeads = async ({
  db,
  bounds,
  counts,
  goal,
  t,
}: ScorecardScope): Promise<Scorecard['leads']> => {
  const handoffs = await readHandoffs(db, bounds);
  return {
    handedOff: handoffs.length,
    ...leadSla(handoffs, slaHoursOf(goal), t),
    accepted: counts.count('lead-accepted').n,
    rejected: counts.count('lead-rejected').n,
    rejectionReasons: counts.byCode('lead-rejected'),
  };
};
