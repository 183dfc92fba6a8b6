import type { RosterLookup } from '../shared/roster-lookup.js';
import type { RosterEvent } from './roster.events.js';

/** Why someone once registered is no longer a member. */
export type Departure = 'removed' | 'forgotten';

/** The current members and their teams, and everyone who has left. */
export interface RosterState {
  members: RosterLookup;
  former: Readonly<Record<string, Departure>>;
}

export const initialRosterState: RosterState = { members: {}, former: {} };

const depart = (state: RosterState, personId: string, why: Departure): RosterState => {
  const { [personId]: _left, ...members } = state.members;
  return { members, former: { ...state.former, [personId]: why } };
};

export const evolveRoster = (state: RosterState, event: RosterEvent): RosterState => {
  switch (event.type) {
    case 'TeamMemberRegistered': {
      const { [event.data.personId]: _rejoined, ...former } = state.former;
      return { members: { ...state.members, [event.data.personId]: event.data.team }, former };
    }
    case 'TeamMemberRemoved':
      return depart(state, event.data.personId, 'removed');
    case 'TeamMemberForgotten':
      return depart(state, event.data.personId, 'forgotten');
  }
};

/** Whether the person was forgotten; own keys only, so an id such as "constructor" is a person like any other. */
export const isForgotten = (state: RosterState, personId: string): boolean =>
  Object.hasOwn(state.former, personId) && state.former[personId] === 'forgotten';
