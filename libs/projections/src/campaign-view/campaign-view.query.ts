import type { SqlQueryable } from '#event-store';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import { type CampaignFactKind, campaignViewProjection } from './campaign-view.projection.js';

export interface CampaignView {
  campaignId: string;
  name: string | null;
  status: 'proposed' | 'launched' | 'ended' | 'unknown';
  launchedAt: string | null;
  reviewedBySalesBeforeLaunch: boolean | null;
  reviews: { reviewedBy: string; verdict: string; reasons: string; at: string }[];
  briefing: { acknowledgedBy: string[]; salesRosterSizeAtLaunch: number | null };
  blindsides: { reportedBy: string; customerReference: string; at: string }[];
  /** Σ amounts (minor units) of won deals closed by T that cite this campaign. */
  influencedRevenue: number;
}

interface FactRow {
  kind: string;
  person_id: string;
  detail: Record<string, unknown>;
  occurred_at: Date;
}

/** The campaign as the ledger knew it at T (asOf, or now); null when nothing is known of it. */
export const readCampaignView = async (
  db: SqlQueryable,
  campaignId: string,
  { asOf, now }: AsOf,
): Promise<CampaignView | null> => {
  const known = knownUpTo(asOf);
  const t = (asOf ?? now).toISOString();
  const facts = await db.query<FactRow>(
    `SELECT kind, person_id, detail, occurred_at FROM rm_campaign_facts
     WHERE campaign_id = $1 AND recorded_at <= $2::timestamptz ORDER BY position`,
    [campaignId, known],
  );
  if (facts.length === 0) return null;
  const [revenue] = await db.query<{ total: string | null }>(
    `SELECT sum(amount) AS total FROM rm_campaign_deals
     WHERE campaign_id = $1 AND recorded_at <= $2::timestamptz AND closed_at <= $3::timestamptz`,
    [campaignId, known, t],
  );
  const of = (kind: CampaignFactKind) => facts.filter((f) => f.kind === kind);
  const launched = of('launched')[0];
  const named = launched ?? of('proposed')[0];
  const status =
    of('ended').length > 0
      ? 'ended'
      : launched
        ? 'launched'
        : of('proposed').length > 0
          ? 'proposed'
          : 'unknown';
  return {
    campaignId,
    name: named ? String(named.detail.name) : null,
    status,
    launchedAt: launched?.occurred_at.toISOString() ?? null,
    reviewedBySalesBeforeLaunch: launched ? Boolean(launched.detail.reviewedBySales) : null,
    reviews: of('reviewed').map((f) => ({
      reviewedBy: f.person_id,
      verdict: String(f.detail.verdict),
      reasons: String(f.detail.reasons),
      at: f.occurred_at.toISOString(),
    })),
    briefing: {
      acknowledgedBy: of('acknowledged').map((f) => f.person_id),
      salesRosterSizeAtLaunch: launched ? ((launched.detail.salesRosterSize as number | null) ?? null) : null,
    },
    blindsides: of('blindside').map((f) => ({
      reportedBy: f.person_id,
      customerReference: String(f.detail.customerReference),
      at: f.occurred_at.toISOString(),
    })),
    influencedRevenue: Number(revenue?.total ?? 0),
  };
};

export const campaignViewQuery: ReadModelQuery<{ campaignId: string }, CampaignView | null> = {
  reads: [campaignViewProjection],
  run: (db, { campaignId }, at) => readCampaignView(db, campaignId, at),
};
