import type { AlignmentFactKind } from '../alignment-facts.projection.js';
import { type HealthWindow, IN_WINDOW, type Sign, positions, sign } from './health-window.js';

const DAY = 86_400_000;

const facts = async ({ db, bounds }: HealthWindow, kind: AlignmentFactKind): Promise<number[]> =>
  positions(
    await db.query<{ position: string }>(
      `SELECT position FROM rm_alignment_facts WHERE kind = $4 AND ${IN_WINDOW}`,
      [...bounds, kind],
    ),
  );

/** No shared celebration: deals were won in the window and nobody celebrated together. */
export const noSharedCelebration = async (window: HealthWindow): Promise<Sign> => {
  const wonDeals = await facts(window, 'won-deal');
  const celebrations = await facts(window, 'joint-celebration');
  return sign(wonDeals.length > 0 && celebrations.length === 0, celebrations.length === 0 ? wonDeals : []);
};

/** The blame game: any blame-flagged text in the window. */
export const blameGame = async (window: HealthWindow): Promise<Sign> => {
  const blame = await facts(window, 'blame');
  return sign(blame.length > 0, blame);
};

/** Huddle cadence: no joint huddle in the seven days up to T (evidence: the last one). */
export const huddleCadence = async ({ db, t, known }: HealthWindow): Promise<Sign> => {
  const [last] = await db.query<{ position: string; occurred_at: Date }>(
    `SELECT position, occurred_at FROM rm_alignment_facts
     WHERE kind = 'joint-huddle' AND occurred_at <= $1::timestamptz AND recorded_at <= $2::timestamptz
     ORDER BY occurred_at DESC, position DESC LIMIT 1`,
    [t.toISOString(), known],
  );
  return sign(!last || t.getTime() - last.occurred_at.getTime() > 7 * DAY, last ? positions([last]) : []);
};
