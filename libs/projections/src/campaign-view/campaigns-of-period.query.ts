import type { Period } from '#domain';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { activeInPeriod } from '../shared/active-in-period.js';
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
    const table = { table: 'rm_campaign_facts', id: 'campaign_id', limit: MAX_CAMPAIGNS_OF_PERIOD };
    const ids = await activeInPeriod(db, table, period, at);
    const views = await Promise.all(ids.map((id) => readCampaignView(db, id, at)));
    return views.filter((view): view is CampaignView => view !== null);
  },
};
