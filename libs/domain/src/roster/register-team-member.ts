import { CommandRejected } from '../shared/command-rejected.js';
import { forgottenRejection } from './forget-team-member.js';
import type { TeamMemberRegistered } from './roster.events.js';
import { type RosterState, isForgotten } from './roster.state.js';

export type RegisterTeamMember = { type: 'RegisterTeamMember' } & TeamMemberRegistered['data'];

export const registerTeamMember = (
  command: RegisterTeamMember,
  state: RosterState,
): TeamMemberRegistered[] => {
  if (isForgotten(state, command.personId)) throw forgottenRejection(command.personId);
  const current = Object.hasOwn(state.members, command.personId)
    ? state.members[command.personId]
    : undefined;
  if (current !== undefined) {
    throw new CommandRejected(
      'conflict',
      'person-already-registered',
      `${command.personId} is already on the roster (${current}); remove them first to change team`,
      'personId',
    );
  }
  const { type: _type, ...data } = command;
  return [{ type: 'TeamMemberRegistered', data }];
};
