import type { Period } from '#domain';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { knownUpTo } from '../shared/as-of.js';
import { campaignViewProjection } from './campaign-view.projection.js';
import { type CampaignView, readCampaignView } from './campaign-view.query.js';

/** A period holds this many campaigns at most in one answer: a board, not an export. */
export const MAX_CAMPAIGNS_OF_PERIOD = 200;

/**
 * The campaigns something happened to in the period (proposed, reviewed,
 * launched, briefed, blindsided, ended; by business time), each as the ledger
 * knew it at T, the latest activity first.
 */
export const campaignsOfPeriodQuery: ReadModelQuery<{ period: Period }, CampaignView[]> = {
  reads: [campaignViewProjection],
  run: async (db, { period }, at) => {
    const ids = await db.query<{ campaign_id: string }>(
      `SELECT campaign_id FROM rm_campaign_facts
       WHERE occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz AND recorded_at <= $3::timestamptz
       GROUP BY campaign_id ORDER BY max(occurred_at) DESC, campaign_id LIMIT ${MAX_CAMPAIGNS_OF_PERIOD}`,
      [period.start, period.end, knownUpTo(at.asOf)],
    );
    const views = await Promise.all(ids.map(({ campaign_id }) => readCampaignView(db, campaign_id, at)));
    return views.filter((view): view is CampaignView => view !== null);
  },
};
