import type { RosterLookup } from '../shared/roster-lookup.js';
import type { RosterEvent } from './roster.events.js';

/** The current members and their teams. */
export interface RosterState {
  members: RosterLookup;
}

export const initialRosterState: RosterState = { members: {} };

export const evolveRoster = (state: RosterState, event: RosterEvent): RosterState => {
  switch (event.type) {
    case 'TeamMemberRegistered':
      return { members: { ...state.members, [event.data.personId]: event.data.team } };
    case 'TeamMemberRemoved': {
      const { [event.data.personId]: _removed, ...members } = state.members;
      return { members };
    }
  }
};
