import type { SqlQueryable } from '#event-store';
import { type CampaignFactKind, campaignViewProjection } from '../campaign-view/campaign-view.projection.js';
import { contentProjection } from '../content/content.projection.js';
import { liveContentAt } from '../content/live-content.js';
import { objectionGapsProjection } from '../objection-gaps/objection-gaps.projection.js';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import { type AlignmentFactKind, alignmentFactsProjection } from './alignment-facts.projection.js';

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
  const known = knownUpTo(asOf);
  const window = [after.toISOString(), t.toISOString(), known];
  const campaignFacts = (kind: CampaignFactKind) =>
    db.query<Row>(
      `SELECT position, campaign_id, occurred_at, detail FROM rm_campaign_facts
       WHERE kind = $4 AND occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz`,
      [...window, kind],
    );
  const facts = async (kind: AlignmentFactKind) =>
    (
      await db.query<{ position: string }>(
        `SELECT position FROM rm_alignment_facts
         WHERE kind = $4 AND occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz`,
        [...window, kind],
      )
    ).map((r) => Number(r.position));

  const blindsides = await campaignFacts('blindside');
  const launches = await campaignFacts('launched');
  // Launches at least two days before T, with the reps who acknowledged within two days of each.
  const briefings = await db.query<{ position: string; reps: string; roster: number | null }>(
    `SELECT l.position, (l.detail->>'salesRosterSize')::int AS roster,
       (SELECT count(DISTINCT a.person_id) FROM rm_campaign_facts a
        WHERE a.kind = 'acknowledged' AND a.campaign_id = l.campaign_id
          AND a.occurred_at <= l.occurred_at + interval '2 days' AND a.recorded_at <= $3::timestamptz) AS reps
     FROM rm_campaign_facts l
     WHERE l.kind = 'launched' AND l.occurred_at > $1::timestamptz AND l.occurred_at <= $2::timestamptz - interval '2 days'
       AND l.recorded_at <= $3::timestamptz`,
    window,
  );
  const underBriefed = briefings
    .filter((b) => Number(b.reps) < 0.5 * (b.roster ?? 0))
    .map((b) => Number(b.position));
  const blindsideEvidence = [...blindsides.map((b) => Number(b.position)), ...underBriefed];
  const unreviewed = launches.filter((l) => l.detail.reviewedBySales !== true).map((l) => Number(l.position));

  const unheard = await db.query<{ position: string }>(
    `WITH heard AS (
       SELECT position, category FROM rm_objection_facts
       WHERE occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz),
     top AS (SELECT category FROM heard GROUP BY category ORDER BY count(*) DESC, category LIMIT 3),
     live AS (SELECT DISTINCT category FROM rm_content WHERE ${liveContentAt('$2', '$3')})
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

/**
 * The warning signs: launches, acknowledgements and blindsides of the campaign
 * facts, objections, live content, and the facts of alignment-facts.
 */
export const alignmentHealthQuery: ReadModelQuery<void, AlignmentHealth> = {
  reads: [campaignViewProjection, objectionGapsProjection, contentProjection, alignmentFactsProjection],
  run: (db, _params, at) => readAlignmentHealth(db, at),
};
