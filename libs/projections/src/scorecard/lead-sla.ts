import type { Scorecard } from './scorecard.js';

export interface Handoff {
  handedOffAt: Date;
  /** The earliest follow-up known, or null. */
  firstFollowUpAt: Date | null;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Each handoff's deadline is the handoff plus the SLA hours. A lead with no
 * follow-up yet is pending until its deadline passes T, then breached.
 */
export const slaStanding = (
  { handedOffAt, firstFollowUpAt }: Handoff,
  slaHours: number,
  t: Date,
): 'within' | 'breached' | 'pending' => {
  const deadline = handedOffAt.getTime() + slaHours * HOUR_MS;
  if (firstFollowUpAt === null) return deadline < t.getTime() ? 'breached' : 'pending';
  return firstFollowUpAt.getTime() <= deadline ? 'within' : 'breached';
};

export const leadSla = (
  handoffs: readonly Handoff[],
  slaHours: number,
  t: Date,
): Pick<Scorecard['leads'], 'withinSla' | 'breached' | 'slaCompliance' | 'medianResponseMinutes'> => {
  let withinSla = 0;
  let breached = 0;
  const responseMinutes: number[] = [];
  for (const handoff of handoffs) {
    const standing = slaStanding(handoff, slaHours, t);
    if (standing === 'within') withinSla += 1;
    if (standing === 'breached') breached += 1;
    if (handoff.firstFollowUpAt !== null) {
      responseMinutes.push((handoff.firstFollowUpAt.getTime() - handoff.handedOffAt.getTime()) / MINUTE_MS);
    }
  }
  return {
    withinSla,
    breached,
    slaCompliance: withinSla + breached === 0 ? null : withinSla / (withinSla + breached),
    medianResponseMinutes: median(responseMinutes),
  };
};
