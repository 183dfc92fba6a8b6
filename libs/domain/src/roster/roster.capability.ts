import { capability } from '../shared/capability.js';
import type { RosterEvent } from './roster.events.js';
import { type RosterState, evolveRoster, initialRosterState } from './roster.state.js';
import { type RegisterTeamMember, registerTeamMember } from './register-team-member.js';
import { type RemoveTeamMember, removeTeamMember } from './remove-team-member.js';
import { type ForgetTeamMember, forgetTeamMember } from './forget-team-member.js';

type RosterCommand = RegisterTeamMember | RemoveTeamMember | ForgetTeamMember;

/** One stream for the whole roster: every team check reads a single, ordered history. */
export const ROSTER_STREAM_ID = 'roster';

export const rosterCapability = capability<RosterCommand, RosterEvent, RosterState>({
  initialState: initialRosterState,
  evolve: evolveRoster,
  streamIdOf: () => ROSTER_STREAM_ID,
  inputs: {},
  commands: {
    // Roster changes are administration: the person registered is the subject, not the actor.
    RegisterTeamMember: { decide: registerTeamMember, actor: null },
    RemoveTeamMember: { decide: removeTeamMember, actor: null },
    ForgetTeamMember: { decide: forgetTeamMember, actor: null },
  },
});
