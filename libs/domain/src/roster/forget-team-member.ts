import { CommandRejected } from '../shared/command-rejected.js';
import type { TeamMemberForgotten } from './roster.events.js';
import { type RosterState, isForgotten } from './roster.state.js';

export type ForgetTeamMember = { type: 'ForgetTeamMember'; personId: string };

/** A forgotten id stays retired: registering it again would tie new facts to an erased person's history. */
export const forgottenRejection = (personId: string): CommandRejected =>
  new CommandRejected(
    'conflict',
    'person-forgotten',
    `${personId} was forgotten; their id is not used again — register the person under a new id`,
    'personId',
  );

export const forgetTeamMember = (command: ForgetTeamMember, state: RosterState): TeamMemberForgotten[] => {
  const { personId } = command;
  if (isForgotten(state, personId)) throw forgottenRejection(personId);
  if (!Object.hasOwn(state.members, personId) && !Object.hasOwn(state.former, personId)) {
    throw new CommandRejected(
      'conflict',
      'person-not-registered',
      `${personId} was never on the roster`,
      'personId',
    );
  }
  return [{ type: 'TeamMemberForgotten', data: { personId } }];
};
