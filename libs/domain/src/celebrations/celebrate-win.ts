import { CommandRejected, type RuleCode } from '../shared/command-rejected.js';
import { parsePeriod } from '../shared/period.js';
import type { RosterLookup } from '../shared/roster-lookup.js';
import { requireAttendees } from '../shared/attendees.js';
import type { CelebrationSubject, WinCelebrated } from './celebration.events.js';
import type { CelebrationState } from './celebration.state.js';

/** Both teams marked a win together. */
export type CelebrateWin = { type: 'CelebrateWin' } & WinCelebrated['data'] & { roster: RosterLookup };

const rule = (code: RuleCode, message: string, field: string) =>
  new CommandRejected('rule', code, message, field);

/** The subject as the event records it; the goal's period must be real, the deals listed once each. */
const requireSubject = (subject: CelebrationSubject): CelebrationSubject => {
  switch (subject.kind) {
    case 'goal':
      if (parsePeriod(subject.period) === null) {
        throw rule(
          'invalid-period',
          `subject.period ${subject.period} is not YYYY-Www, YYYY-MM or YYYY-Qn`,
          'subject.period',
        );
      }
      return { kind: 'goal', period: subject.period };
    case 'deals': {
      if (subject.dealIds.length === 0) {
        throw rule('no-deals', 'a celebration of deals names at least one deal', 'subject.dealIds');
      }
      const duplicate = subject.dealIds.findIndex(
        (dealId, index) => subject.dealIds.indexOf(dealId) !== index,
      );
      if (duplicate !== -1) {
        const field = `subject.dealIds[${duplicate}]`;
        throw rule('duplicate-deal', `${field} ${subject.dealIds[duplicate]} is listed twice`, field);
      }
      return { kind: 'deals', dealIds: [...subject.dealIds] };
    }
  }
};

export const celebrateWin = (command: CelebrateWin, state: CelebrationState): WinCelebrated[] => {
  const { celebrationId, roster } = command;
  if (state.status === 'celebrated') {
    throw new CommandRejected(
      'conflict',
      'celebration-already-recorded',
      `celebration ${celebrationId} was already recorded`,
    );
  }
  const subject = requireSubject(command.subject);
  const attendees = requireAttendees(roster, command.attendees);
  return [{ type: 'WinCelebrated', data: { celebrationId, subject, attendees } }];
};
