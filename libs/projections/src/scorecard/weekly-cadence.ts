import type { Period } from '#domain';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the ISO week holding the instant. */
const mondayOf = (at: Date): number => {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return midnight - ((at.getUTCDay() + 6) % 7) * DAY_MS;
};

/**
 * Covered / elapsed over the ISO weeks (Monday to Sunday, UTC) that overlap the
 * period. A week has elapsed once its first day inside the period has begun by
 * T; it is covered when a joint huddle was held in it, inside the period.
 */
export const weeklyCadence = (period: Period, jointHuddles: readonly Date[], t: Date): number | null => {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  let elapsed = 0;
  let covered = 0;
  for (let week = mondayOf(new Date(start)); week < end; week += WEEK_MS) {
    if (Math.max(week, start) > t.getTime()) break;
    elapsed += 1;
    const inWeek = (h: Date) =>
      h.getTime() >= Math.max(week, start) && h.getTime() < Math.min(week + WEEK_MS, end);
    if (jointHuddles.some(inWeek)) covered += 1;
  }
  return elapsed === 0 ? null : covered / elapsed;
};
