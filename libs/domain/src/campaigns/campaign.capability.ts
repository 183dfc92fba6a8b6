import { capability } from '../shared/capability.js';
import { type AcknowledgeBriefing, acknowledgeBriefing, acknowledgementOf } from './acknowledge-briefing.js';
import type { CampaignEvent } from './campaign.events.js';
import { type CampaignState, evolveCampaign, initialCampaignState } from './campaign.state.js';
import { type EndCampaign, endCampaign } from './end-campaign.js';
import { type LaunchCampaign, launchCampaign } from './launch-campaign.js';
import { type ProposeCampaign, proposeCampaign } from './propose-campaign.js';
import { type ReportBlindside, reportBlindside } from './report-blindside.js';
import { type ReviewCampaign, reviewCampaign } from './review-campaign.js';

type CampaignCommand =
  ProposeCampaign | ReviewCampaign | LaunchCampaign | AcknowledgeBriefing | ReportBlindside | EndCampaign;

export const campaignCapability = capability<CampaignCommand, CampaignEvent, CampaignState>({
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  streamIdOf: (command) => `campaign-${command.campaignId}`,
  inputs: { roster: true },
  commands: {
    ProposeCampaign: { decide: proposeCampaign, actor: 'proposedBy' },
    ReviewCampaign: { decide: reviewCampaign, actor: 'reviewedBy' },
    LaunchCampaign: { decide: launchCampaign, actor: 'launchedBy' },
    AcknowledgeBriefing: {
      decide: acknowledgeBriefing,
      actor: 'acknowledgedBy',
      precedent: acknowledgementOf,
    },
    ReportBlindside: { decide: (command) => reportBlindside(command), actor: 'reportedBy' },
    EndCampaign: { decide: endCampaign, actor: 'endedBy' },
  },
});
