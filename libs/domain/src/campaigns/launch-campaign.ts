import { CommandRejected } from '../shared/command-rejected.js';
import type { CampaignLaunched } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

export interface LaunchCampaign {
  type: 'LaunchCampaign';
  campaignId: string;
  name: string;
  offer: string;
  channels: string[];
  audience: string;
  talkingPoints: string[];
  launchedBy: string;
}

export const launchCampaign = (command: LaunchCampaign, state: CampaignState): CampaignLaunched[] => {
  if (state.status === 'launched') {
    throw new CommandRejected(
      'conflict',
      'campaign-already-launched',
      `campaign ${command.campaignId} was already launched`,
    );
  }
  const { type: _type, ...data } = command;
  return [{ type: 'CampaignLaunched', data }];
};
