import type { SqlQueryable } from '#event-store';
import type { AsOf } from '../objection-gaps/objection-gaps.query.js';

export interface Sign {
  status: 'ok' | 'warning';
  /** Global positions of the events behind the sign. */
  evidence: number[];
}

export interface AlignmentHealth {
  /** T: the instant evaluated (asOf, or now). */
  at: string;
  window: { after: string; upTo: string };
  salesBlindsided: Sign;
  strategyNotShared: Sign;
  objectionsUnheard: Sign;
  noSharedCelebration: Sign;
  blameGame: Sign;
  huddleCadence: Sign;
}

const DAY = 86_400_000;
const sign = (warning: boolean, evidence: number[]): Sign => ({
  status: warning ? 'warning' : 'ok',
  evidence: [...evidence].sort((a, b) => a - b),
});

type Row = { position: string; campaign_id: string; occurred_at: Date; detail: Record<string, unknown> };

/** The warning signs over the 28 days ending at T: after T − 28 days, up to and including T. */
export const readAlignmentHealth = async (
  db: SqlQueryable,
  { asOf, now }: AsOf,
): Promise<AlignmentHealth> => {
  const t = asOf ?? now;
  const after = new Date(t.getTime() - 28 * DAY);
  const known = asOf?.toISOString() ?? 'infinity';
  const window = [after.toISOString(), t.toISOString(), known];
  const campaignFacts = (kind: string) =>
    db.query<Row>(
      `SELECT position, campaign_id, occurred_at, detail FROM rm_campaign_facts
       WHERE kind = $4 AND occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz`,
      [...window, kind],
    );
  const facts = async (kind: string) =>
    (
      await db.query<{ position: string }>(
        `SELECT position FROM rm_alignment_facts
         WHERE kind = $4 AND occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz`,
        [...window, kind],
      )
    ).map((r) => Number(r.position));

  const blindsides = await campaignFacts('blindside');
  const launches = await campaignFacts('launched');
  const underBriefed: number[] = [];
  for (const launch of launches.filter((l) => l.occurred_at.getTime() <= t.getTime() - 2 * DAY)) {
    const [acks] = await db.query<{ reps: string }>(
      `SELECT count(DISTINCT person_id) AS reps FROM rm_campaign_facts
       WHERE kind = 'acknowledged' AND campaign_id = $1 AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz`,
      [launch.campaign_id, new Date(launch.occurred_at.getTime() + 2 * DAY).toISOString(), known],
    );
    const roster = Number(launch.detail.salesRosterSize ?? 0);
    if (Number(acks.reps) < 0.5 * roster) underBriefed.push(Number(launch.position));
  }
  const blindsideEvidence = [...blindsides.map((b) => Number(b.position)), ...underBriefed];
  const unreviewed = launches.filter((l) => l.detail.reviewedBySales !== true).map((l) => Number(l.position));

  const unheard = await db.query<{ position: string }>(
    `WITH heard AS (
       SELECT position, category FROM rm_objection_facts
       WHERE occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz),
     top AS (SELECT category FROM heard GROUP BY category ORDER BY count(*) DESC, category LIMIT 3),
     live AS (
       SELECT DISTINCT category FROM rm_content_facts
       WHERE published_recorded_at <= $3::timestamptz AND published_at <= $2::timestamptz
         AND NOT (withdrawn_recorded_at IS NOT NULL AND withdrawn_recorded_at <= $3::timestamptz AND withdrawn_at <= $2::timestamptz))
     SELECT position FROM heard WHERE category IN (SELECT category FROM top EXCEPT SELECT category FROM live)`,
    window,
  );

  const wonDeals = await facts('won-deal');
  const celebrations = await facts('joint-celebration');
  const blame = await facts('blame');
  const [lastHuddle] = await db.query<{ position: string; occurred_at: Date }>(
    `SELECT position, occurred_at FROM rm_alignment_facts
     WHERE kind = 'joint-huddle' AND occurred_at <= $1::timestamptz AND recorded_at <= $2::timestamptz
     ORDER BY occurred_at DESC, position DESC LIMIT 1`,
    [t.toISOString(), known],
  );

  return {
    at: t.toISOString(),
    window: { after: after.toISOString(), upTo: t.toISOString() },
    salesBlindsided: sign(blindsideEvidence.length > 0, blindsideEvidence),
    strategyNotShared: sign(unreviewed.length > 0, unreviewed),
    objectionsUnheard: sign(
      unheard.length > 0,
      unheard.map((r) => Number(r.position)),
    ),
    noSharedCelebration: sign(
      wonDeals.length > 0 && celebrations.length === 0,
      celebrations.length === 0 ? wonDeals : [],
    ),
    blameGame: sign(blame.length > 0, blame),
    huddleCadence: sign(
      !lastHuddle || t.getTime() - lastHuddle.occurred_at.getTime() > 7 * DAY,
      lastHuddle ? [Number(lastHuddle.position)] : [],
    ),
  };
};
