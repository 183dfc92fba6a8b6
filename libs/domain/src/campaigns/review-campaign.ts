import { screenForBlame } from '../blame/blame-screen.js';
import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import { requireNotLaunched } from './campaign-rules.js';
import type { CampaignReviewed } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

/** The sales "stink test" of a proposed campaign, before it goes out. */
export type ReviewCampaign = { type: 'ReviewCampaign'; roster: RosterLookup } & Omit<
  CampaignReviewed['data'],
  'blameFlag'
>;

export const reviewCampaign = (command: ReviewCampaign, state: CampaignState): CampaignReviewed[] => {
  requireMember(command.roster, command.reviewedBy, 'sales', 'reviewedBy');
  requireNotLaunched(state, command.campaignId);
  if (state.status !== 'proposed') {
    throw new CommandRejected(
      'conflict',
      'campaign-not-proposed',
      `campaign ${command.campaignId} has not been proposed`,
    );
  }
  const { type: _type, roster: _roster, ...review } = command;
  return [
    { type: 'CampaignReviewed', data: { ...review, blameFlag: screenForBlame(command.reasons).blaming } },
  ];
};
