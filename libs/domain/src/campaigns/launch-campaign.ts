import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireNotLaunched } from './campaign-rules.js';
import type { CampaignLaunched } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

/** Launches a proposed campaign, or one never proposed: a launch is never refused for a missing review. */
export type LaunchCampaign = { type: 'LaunchCampaign'; roster: RosterLookup } & Omit<
  CampaignLaunched['data'],
  'reviewedBySales' | 'salesRosterSize'
>;

export const launchCampaign = (command: LaunchCampaign, state: CampaignState): CampaignLaunched[] => {
  requireMember(command.roster, command.launchedBy, 'marketing', 'launchedBy');
  requireNotLaunched(state, command.campaignId);
  const { type: _type, roster, ...brief } = command;
  const salesRosterSize = Object.values(roster).filter((team) => team === 'sales').length;
  return [
    { type: 'CampaignLaunched', data: { ...brief, reviewedBySales: state.reviewedBySales, salesRosterSize } },
  ];
};
