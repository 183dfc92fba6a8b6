import type { CampaignBrief, CampaignEvent } from './campaign.events.js';

/** Shared history for the campaign specs (not production code). */
export const roster = { mia: 'marketing', sam: 'sales', ana: 'sales', lee: 'sales' } as const;

export const brief: CampaignBrief = {
  name: 'Q3 upsell',
  offer: '20% off annual plans',
  channels: ['email', 'webinar'],
  audience: 'mid-market customers on monthly plans',
  talkingPoints: ['save two months', 'price locked for a year'],
};

export const proposed: CampaignEvent = {
  type: 'CampaignProposed',
  data: { campaignId: 'q3', ...brief, plannedLaunchDate: '2026-07-01', proposedBy: 'mia' },
};

export const reviewed: CampaignEvent = {
  type: 'CampaignReviewed',
  data: { campaignId: 'q3', reviewedBy: 'sam', verdict: 'endorse', reasons: 'Clear offer', blameFlag: false },
};

export const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: { campaignId: 'q3', ...brief, launchedBy: 'mia', reviewedBySales: true, salesRosterSize: 3 },
};

export const ended: CampaignEvent = { type: 'CampaignEnded', data: { campaignId: 'q3', endedBy: 'mia' } };
