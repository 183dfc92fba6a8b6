/**
 * The shared scorecard: one set of numbers both teams are judged on, for one
 * period (ISO week, month or quarter). Money is in integer minor units of the
 * ledger's currency; ratios are fractions (0–1), null where the denominator is 0.
 */
export interface Scorecard {
  period: string;
  /** The period's first instant (inclusive) and its end (exclusive), UTC. */
  from: string;
  to: string;
  /** T: the instant evaluated (asOf, or now). */
  at: string;
  /** The latest SetSharedGoal for the period known at T, or null. */
  goal: {
    revenueTarget: number;
    currency: string;
    leadFollowUpSlaHours: number;
    revision: number;
  } | null;
  revenue: {
    currency: string;
    /** Σ amounts of deals won (closedAt) in the period. */
    won: number;
    /** won / goal's revenueTarget; null without a goal. */
    attainment: number | null;
    /** Σ amounts of the won deals that cite at least one campaign. */
    campaignInfluenced: number;
  };
  deals: { won: number; lost: number; winRate: number | null };
  leads: {
    handedOff: number;
    /** First follow-up at or before handoff + SLA hours (this period's goal, else 24). */
    withinSla: number;
    /** First follow-up after the deadline, or none yet and the deadline is before T. */
    breached: number;
    slaCompliance: number | null;
    /** Median minutes from handoff to first follow-up, over the followed-up handoffs. */
    medianResponseMinutes: number | null;
    accepted: number;
    rejected: number;
    rejectionReasons: Record<string, number>;
  };
  campaigns: {
    launched: number;
    reviewedBeforeLaunch: number;
    /** Σ distinct acknowledging reps (by T) / Σ sales roster size at launch. */
    briefingCoverage: number | null;
    blindsides: number;
  };
  objections: {
    logged: number;
    byCategory: Record<string, number>;
    /** Share of the period's objections whose category has live content at T. */
    coverage: number | null;
  };
  huddles: {
    held: number;
    /** At least one attendee from each team. */
    joint: number;
    /** Covered / elapsed ISO weeks of the period; null if none has elapsed. */
    weeklyCadence: number | null;
  };
  actionItems: { opened: number; completed: number; overdue: number };
  celebrations: { joint: number };
  blame: { flagged: number };
}
