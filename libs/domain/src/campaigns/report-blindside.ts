import { screenForBlame } from '../blame/blame-screen.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { BlindsideReported } from './campaign.events.js';

/**
 * A rep heard of a campaign first from a customer. Accepted whatever the
 * campaign's state: it may be one the ledger never heard of, which is the point.
 */
export type ReportBlindside = { type: 'ReportBlindside'; roster: RosterLookup } & Omit<
  BlindsideReported['data'],
  'blameFlag'
>;

export const reportBlindside = (command: ReportBlindside): BlindsideReported[] => {
  requireMember(command.roster, command.reportedBy, 'sales', 'reportedBy');
  const { type: _type, roster: _roster, ...report } = command;
  return [
    { type: 'BlindsideReported', data: { ...report, blameFlag: screenForBlame(command.note).blaming } },
  ];
};
