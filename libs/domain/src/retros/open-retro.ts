import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireOnRoster } from '../shared/roster-lookup.js';
import { parsePeriod } from '../shared/period.js';
import type { RetroOpened, RetroSubject } from './retro.events.js';
import type { RetroState } from './retro.state.js';

export type OpenRetro = { type: 'OpenRetro'; roster: RosterLookup } & RetroOpened['data'];

const ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The subject is stored for good: refuse anything but a well-formed campaign, deal or period. */
const requireValidSubject = (subject: RetroSubject): void => {
  const invalid = (field: string, what: string) =>
    new CommandRejected(
      'rule',
      'invalid-retro-subject',
      `subject.${field} must be ${what}`,
      `subject.${field}`,
    );
  switch (subject.kind) {
    case 'campaign':
      if (!ID.test(subject.campaignId)) throw invalid('campaignId', 'a campaign id');
      return;
    case 'deal':
      if (!ID.test(subject.dealId)) throw invalid('dealId', 'a deal id');
      return;
    case 'period':
      if (!parsePeriod(subject.period)) throw invalid('period', 'a period YYYY-Www, YYYY-MM or YYYY-Qn');
      return;
    default:
      throw invalid('kind', 'campaign, deal or period');
  }
};

export const openRetro = (command: OpenRetro, state: RetroState): RetroOpened[] => {
  requireOnRoster(command.roster, command.facilitator, 'facilitator');
  requireValidSubject(command.subject);
  if (state.status !== 'none') {
    throw new CommandRejected(
      'conflict',
      'retro-already-opened',
      `retro ${command.retroId} was already opened`,
    );
  }
  const { type: _type, roster: _roster, ...data } = command;
  return [{ type: 'RetroOpened', data }];
};
