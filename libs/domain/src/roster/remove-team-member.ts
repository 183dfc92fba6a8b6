import { CommandRejected } from '../shared/command-rejected.js';
import type { TeamMemberRemoved } from './roster.events.js';
import type { RosterState } from './roster.state.js';

export type RemoveTeamMember = { type: 'RemoveTeamMember'; personId: string };

export const removeTeamMember = (command: RemoveTeamMember, state: RosterState): TeamMemberRemoved[] => {
  if (state.members[command.personId] === undefined) {
    throw new CommandRejected(
      'conflict',
      'person-not-on-roster',
      `${command.personId} is not on the roster`,
      'personId',
    );
  }
  return [{ type: 'TeamMemberRemoved', data: { personId: command.personId } }];
};
