import type { Decider } from '../shared/decider.js';
import type { RosterEvent } from './roster.events.js';
import { type RosterState, evolveRoster, initialRosterState } from './roster.state.js';
import { type RegisterTeamMember, registerTeamMember } from './register-team-member.js';
import { type RemoveTeamMember, removeTeamMember } from './remove-team-member.js';

export type RosterCommand = RegisterTeamMember | RemoveTeamMember;

/** One stream for the whole roster: every team check reads a single, ordered history. */
export const ROSTER_STREAM_ID = 'roster';

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: initialRosterState,
  evolve: evolveRoster,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterTeamMember':
        return registerTeamMember(command, state);
      case 'RemoveTeamMember':
        return removeTeamMember(command, state);
    }
  },
};
