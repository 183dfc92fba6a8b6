import { CommandRejected } from '../shared/command-rejected.js';
import type { CampaignLaunched } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

/** The brief the campaign is launched with is exactly what the event records. */
export type LaunchCampaign = { type: 'LaunchCampaign' } & CampaignLaunched['data'];

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
