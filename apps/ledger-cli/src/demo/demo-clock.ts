const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The demo covers this many ISO weeks, the last one holding `now`. */
export const DEMO_WEEKS = 12;

/** Monday 00:00 UTC of the ISO week holding the instant. */
const mondayOf = (instant: Date): Date => {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
};

/** The first instant of the window: Monday 00:00 UTC, DEMO_WEEKS − 1 weeks before the week of `now`. */
export const demoWindowStart = (now: Date): Date =>
  new Date(mondayOf(now).getTime() - (DEMO_WEEKS - 1) * 7 * DAY_MS);

/** Business time within the window: week 0…11, day 0 (Monday)…6, and a time of day in UTC. */
export interface DemoClock {
  start: Date;
  now: Date;
  at(week: number, day: number, hour: number, minute?: number): Date;
}

export const demoClock = (now: Date): DemoClock => {
  const start = demoWindowStart(now);
  return {
    start,
    now,
    at: (week, day, hour, minute = 0) =>
      new Date(start.getTime() + (week * 7 + day) * DAY_MS + hour * HOUR_MS + minute * 60_000),
  };
};

export const plusHours = (instant: Date, hours: number): Date =>
  new Date(instant.getTime() + Math.round(hours * 60) * 60_000);

export const iso = (instant: Date): string => instant.toISOString();

/** The calendar date (UTC) `days` after the instant, YYYY-MM-DD: due dates. */
export const dateAfter = (instant: Date, days: number): string =>
  new Date(instant.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The end (exclusive, UTC) of a due date: an item is due until its day is over. */
export const endOfDate = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS);

/**
 * A seeded PRNG (mulberry32) with the few draws the demo needs: the same seed
 * gives the same history, without Math.random.
 */
export interface Dice {
  next(): number;
  int(low: number, high: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], count: number): T[];
}

export const seededDice = (seed: number): Dice => {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, Math.max(0, Math.min(count, pool.length)));
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[int(0, items.length - 1)],
    sample,
  };
};
