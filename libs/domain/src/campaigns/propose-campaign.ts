import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireNotLaunched } from './campaign-rules.js';
import type { CampaignProposed } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

export type ProposeCampaign = { type: 'ProposeCampaign'; roster: RosterLookup } & CampaignProposed['data'];

export const proposeCampaign = (command: ProposeCampaign, state: CampaignState): CampaignProposed[] => {
  requireMember(command.roster, command.proposedBy, 'marketing', 'proposedBy');
  requireNotLaunched(state, command.campaignId);
  if (state.status === 'proposed') {
    throw new CommandRejected(
      'conflict',
      'campaign-already-proposed',
      `campaign ${command.campaignId} was already proposed`,
    );
  }
  const { type: _type, roster: _roster, ...data } = command;
  return [{ type: 'CampaignProposed', data }];
};
