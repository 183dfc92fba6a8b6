import type { Decider } from '../shared/decider.js';
import type { CampaignEvent } from './campaign.events.js';
import { type CampaignState, evolveCampaign, initialCampaignState } from './campaign.state.js';
import { type LaunchCampaign, launchCampaign } from './launch-campaign.js';

export type CampaignCommand = LaunchCampaign;

export const campaignStreamId = (campaignId: string) => `campaign-${campaignId}`;

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: (command, state) => {
    switch (command.type) {
      case 'LaunchCampaign':
        return launchCampaign(command, state);
    }
  },
};
