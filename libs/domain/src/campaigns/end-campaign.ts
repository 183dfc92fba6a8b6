import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireLaunched } from './campaign-rules.js';
import type { CampaignEnded } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

export type EndCampaign = { type: 'EndCampaign'; roster: RosterLookup } & CampaignEnded['data'];

export const endCampaign = (command: EndCampaign, state: CampaignState): CampaignEnded[] => {
  requireMember(command.roster, command.endedBy, 'marketing', 'endedBy');
  requireLaunched(state, command.campaignId);
  return [{ type: 'CampaignEnded', data: { campaignId: command.campaignId, endedBy: command.endedBy } }];
};
