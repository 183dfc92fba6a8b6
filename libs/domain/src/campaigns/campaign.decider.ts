import type { Decider } from '../shared/decider.js';
import { type AcknowledgeBriefing, acknowledgeBriefing, acknowledgementOf } from './acknowledge-briefing.js';
import type { CampaignEvent } from './campaign.events.js';
import { type CampaignState, evolveCampaign, initialCampaignState } from './campaign.state.js';
import { type EndCampaign, endCampaign } from './end-campaign.js';
import { type LaunchCampaign, launchCampaign } from './launch-campaign.js';
import { type ProposeCampaign, proposeCampaign } from './propose-campaign.js';
import { type ReportBlindside, reportBlindside } from './report-blindside.js';
import { type ReviewCampaign, reviewCampaign } from './review-campaign.js';

export type CampaignCommand =
  ProposeCampaign | ReviewCampaign | LaunchCampaign | AcknowledgeBriefing | ReportBlindside | EndCampaign;

export const campaignStreamId = (campaignId: string) => `campaign-${campaignId}`;

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: (command, state) => {
    switch (command.type) {
      case 'ProposeCampaign':
        return proposeCampaign(command, state);
      case 'ReviewCampaign':
        return reviewCampaign(command, state);
      case 'LaunchCampaign':
        return launchCampaign(command, state);
      case 'AcknowledgeBriefing':
        return acknowledgeBriefing(command, state);
      case 'ReportBlindside':
        return reportBlindside(command);
      case 'EndCampaign':
        return endCampaign(command, state);
    }
  },
  precedent: (command, history) =>
    command.type === 'AcknowledgeBriefing' ? acknowledgementOf(command, history) : -1,
};
