import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { BriefingAcknowledged, CampaignEvent } from './campaign.events.js';
import type { CampaignState } from './campaign.state.js';

export type AcknowledgeBriefing = {
  type: 'AcknowledgeBriefing';
  roster: RosterLookup;
} & BriefingAcknowledged['data'];

/** Once per rep: a repeat appends nothing (see acknowledgementOf). */
export const acknowledgeBriefing = (
  command: AcknowledgeBriefing,
  state: CampaignState,
): BriefingAcknowledged[] => {
  requireMember(command.roster, command.acknowledgedBy, 'sales', 'acknowledgedBy');
  if (state.status === 'none') {
    throw new CommandRejected(
      'conflict',
      'campaign-unknown',
      `campaign ${command.campaignId} was neither proposed nor launched`,
    );
  }
  if (state.acknowledgedBy.includes(command.acknowledgedBy)) return [];
  const { type: _type, roster: _roster, ...data } = command;
  return [{ type: 'BriefingAcknowledged', data }];
};

/** Index of the rep's first acknowledgement, whose result a repeat returns. */
export const acknowledgementOf = (command: AcknowledgeBriefing, history: readonly CampaignEvent[]): number =>
  history.findIndex(
    (e) => e.type === 'BriefingAcknowledged' && e.data.acknowledgedBy === command.acknowledgedBy,
  );
