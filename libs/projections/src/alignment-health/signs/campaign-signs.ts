import type { CampaignFactKind } from '../../campaign-view/campaign-view.projection.js';
import { type HealthWindow, IN_WINDOW, type Sign, positions, sign } from './health-window.js';

type Row = { position: string; detail: Record<string, unknown> };

const campaignFacts = ({ db, bounds }: HealthWindow, kind: CampaignFactKind) =>
  db.query<Row>(`SELECT position, detail FROM rm_campaign_facts WHERE kind = $4 AND ${IN_WINDOW}`, [
    ...bounds,
    kind,
  ]);

/**
 * Sales blindsided: blindsides reported, and launches at least two days
 * before T that fewer than half the sales roster acknowledged within two days.
 */
export const salesBlindsided = async (window: HealthWindow): Promise<Sign> => {
  const blindsides = await campaignFacts(window, 'blindside');
  const briefings = await window.db.query<{ position: string; reps: string; roster: number | null }>(
    `SELECT l.position, (l.detail->>'salesRosterSize')::int AS roster,
       (SELECT count(DISTINCT a.person_id) FROM rm_campaign_facts a
        WHERE a.kind = 'acknowledged' AND a.campaign_id = l.campaign_id
          AND a.occurred_at <= l.occurred_at + interval '2 days' AND a.recorded_at <= $3::timestamptz) AS reps
     FROM rm_campaign_facts l
     WHERE l.kind = 'launched' AND l.occurred_at > $1::timestamptz AND l.occurred_at <= $2::timestamptz - interval '2 days'
       AND l.recorded_at <= $3::timestamptz`,
    window.bounds,
  );
  const underBriefed = briefings.filter((b) => Number(b.reps) < 0.5 * (b.roster ?? 0));
  const evidence = [...positions(blindsides), ...positions(underBriefed)];
  return sign(evidence.length > 0, evidence);
};

/** Strategy not shared: launches that sales did not review first. */
export const strategyNotShared = async (window: HealthWindow): Promise<Sign> => {
  const launches = await campaignFacts(window, 'launched');
  const unreviewed = positions(launches.filter((l) => l.detail.reviewedBySales !== true));
  return sign(unreviewed.length > 0, unreviewed);
};
