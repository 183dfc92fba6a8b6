import type {
  BlindsideReported,
  BriefingAcknowledged,
  CampaignBrief,
  campaignCapability,
  CampaignEnded,
  CampaignLaunched,
  CampaignProposed,
  CampaignReviewed,
} from '../src/index.js';
import { type CommandOf, builders } from './builders.js';

type Command<Type extends string> = CommandOf<typeof campaignCapability, Type>;

/** Marketing's mia and three sales reps, so a launch has three reps to brief. */
const roster = { mia: 'marketing', sam: 'sales', ana: 'sales', lee: 'sales' } as const;

const campaignId = 'q3';

const brief: CampaignBrief = {
  name: 'Q3 upsell',
  offer: '20% off annual plans',
  channels: ['email', 'webinar'],
  audience: 'mid-market customers on monthly plans',
  talkingPoints: ['save two months', 'price locked for a year'],
};

const proposal: CampaignProposed['data'] = {
  campaignId,
  ...brief,
  plannedLaunchDate: '2026-07-01',
  proposedBy: 'mia',
};
export const [proposeCampaign, campaignProposed] = builders<Command<'ProposeCampaign'>, CampaignProposed>(
  { type: 'ProposeCampaign', ...proposal, roster },
  { type: 'CampaignProposed', data: proposal },
);

const review: Omit<CampaignReviewed['data'], 'blameFlag'> = {
  campaignId,
  reviewedBy: 'sam',
  verdict: 'concerns',
  reasons: 'The discount undercuts our renewal pricing',
};
export const [reviewCampaign, campaignReviewed] = builders<Command<'ReviewCampaign'>, CampaignReviewed>(
  { type: 'ReviewCampaign', ...review, roster },
  { type: 'CampaignReviewed', data: { ...review, blameFlag: false } },
);

const launch = { campaignId, ...brief, launchedBy: 'mia' };
/** Launched after a sales review, to the three reps on the roster. */
export const [launchCampaign, campaignLaunched] = builders<Command<'LaunchCampaign'>, CampaignLaunched>(
  { type: 'LaunchCampaign', ...launch, roster },
  { type: 'CampaignLaunched', data: { ...launch, reviewedBySales: true, salesRosterSize: 3 } },
);

const acknowledgement = { campaignId, acknowledgedBy: 'ana' };
export const [acknowledgeBriefing, briefingAcknowledged] = builders<
  Command<'AcknowledgeBriefing'>,
  BriefingAcknowledged
>(
  { type: 'AcknowledgeBriefing', ...acknowledgement, roster },
  { type: 'BriefingAcknowledged', data: acknowledgement },
);

const blindside = {
  campaignId,
  reportedBy: 'sam',
  customerReference: 'acme-corp',
  note: 'Customer asked about the 20% offer before I had seen it',
};
export const [reportBlindside, blindsideReported] = builders<Command<'ReportBlindside'>, BlindsideReported>(
  { type: 'ReportBlindside', ...blindside, roster },
  { type: 'BlindsideReported', data: { ...blindside, blameFlag: false } },
);

const ending = { campaignId, endedBy: 'mia' };
export const [endCampaign, campaignEnded] = builders<Command<'EndCampaign'>, CampaignEnded>(
  { type: 'EndCampaign', ...ending, roster },
  { type: 'CampaignEnded', data: ending },
);
