import type { Scorecard } from '../scorecard.js';
import { leadSla } from '../lead-sla.js';
import { inPeriod } from './period-sql.js';
import type { ScorecardScope } from './scorecard-scope.js';

/** Without a goal for the period, sales has a day to follow a lead up. */
const DEFAULT_LEAD_FOLLOW_UP_SLA_HOURS = 24;

/** Handoffs of the period, each with the earliest follow-up known, whatever its business time. */
export const readLeads = async ({
  db,
  bounds,
  counts,
  goal,
  t,
}: ScorecardScope): Promise<Scorecard['leads']> => {
  const handoffs = await db.query<{ handed_off_at: Date; first_follow_up_at: Date | null }>(
    `SELECT h.occurred_at AS handed_off_at,
       (SELECT min(f.occurred_at) FROM rm_scorecard_facts f
        WHERE f.kind = 'lead-followed-up' AND f.subject = h.subject AND f.recorded_at <= $3::timestamptz) AS first_follow_up_at
     FROM rm_scorecard_facts h WHERE h.kind = 'lead-handed-off' AND ${inPeriod('h.')}`,
    bounds,
  );
  const sla = leadSla(
    handoffs.map((h) => ({ handedOffAt: h.handed_off_at, firstFollowUpAt: h.first_follow_up_at })),
    goal?.leadFollowUpSlaHours ?? DEFAULT_LEAD_FOLLOW_UP_SLA_HOURS,
    t,
  );
  return {
    handedOff: handoffs.length,
    ...sla,
    accepted: counts.count('lead-accepted').n,
    rejected: counts.count('lead-rejected').n,
    rejectionReasons: counts.byCode('lead-rejected'),
  };
};
