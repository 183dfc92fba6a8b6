import { CommandRejected } from '../shared/command-rejected.js';
import type { TeamMemberRegistered } from './roster.events.js';
import type { RosterState } from './roster.state.js';

export type RegisterTeamMember = { type: 'RegisterTeamMember' } & TeamMemberRegistered['data'];

export const registerTeamMember = (
  command: RegisterTeamMember,
  state: RosterState,
): TeamMemberRegistered[] => {
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
