import { CommandRejected, type ConflictCode } from '../shared/command-rejected.js';
import type { CampaignState } from './campaign.state.js';

const refuse = (code: ConflictCode, message: string) => new CommandRejected('conflict', code, message);

/** Refuses commands that need a campaign to be launched (and not yet ended). */
export const requireLaunched = (state: CampaignState, campaignId: string): void => {
  if (state.status === 'ended') throw refuse('campaign-ended', `campaign ${campaignId} has ended`);
  if (state.status !== 'launched')
    throw refuse('campaign-not-launched', `campaign ${campaignId} is not launched`);
};

/** Refuses commands that only make sense before the launch. */
export const requireNotLaunched = (state: CampaignState, campaignId: string): void => {
  if (state.status === 'launched' || state.status === 'ended') {
    throw refuse('campaign-already-launched', `campaign ${campaignId} was already launched`);
  }
};
