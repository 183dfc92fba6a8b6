import { CommandRejected } from '../shared/command-rejected.js';
import type { TeamMemberRemoved } from './roster.events.js';
import type { RosterState } from './roster.state.js';

export type RemoveTeamMember = { type: 'RemoveTeamMember'; personId: string };

export const removeTeamMember = (command: RemoveTeamMember, state: RosterState): TeamMemberRemoved[] => {
  if (!Object.hasOwn(state.members, command.personId)) {
    throw new CommandRejected(
      'conflict',
      'person-not-registered',
      `${command.personId} is not on the roster`,
      'personId',
    );
  }
  return [{ type: 'TeamMemberRemoved', data: { personId: command.personId } }];
};
