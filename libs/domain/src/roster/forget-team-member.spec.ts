import { given } from '#testing';
import {
  forgetTeamMember,
  registerTeamMember,
  removeTeamMember,
  teamMemberForgotten,
  teamMemberRegistered,
  teamMemberRemoved,
} from '../../test/roster.builders.js';
import { rosterCapability } from './roster.capability.js';
import { evolveRoster, initialRosterState } from './roster.state.js';

describe('ForgetTeamMember', () => {
  it('given a member, when forgotten, then TeamMemberForgotten names only the id and they leave the roster', () => {
    given(rosterCapability, [teamMemberRegistered()]).when(forgetTeamMember()).then([teamMemberForgotten()]);
    const after = [teamMemberRegistered(), teamMemberForgotten()].reduce(evolveRoster, initialRosterState);
    expect(after.members).toEqual({});
    expect(after.former).toEqual({ sam: 'forgotten' });
  });

  it('given a person removed earlier, when forgotten, then they are forgotten too', () => {
    given(rosterCapability, [teamMemberRegistered(), teamMemberRemoved()])
      .when(forgetTeamMember())
      .then([teamMemberForgotten()]);
  });

  it('given a forgotten person, when forgotten again, then it is a conflict', () => {
    given(rosterCapability, [teamMemberRegistered(), teamMemberForgotten()])
      .when(forgetTeamMember())
      .thenRejects('conflict', 'person-forgotten');
  });

  it('given no such person, when forgotten, then it is a conflict', () => {
    given(rosterCapability, [teamMemberRegistered()])
      .when(forgetTeamMember({ personId: 'ghost' }))
      .thenRejects('conflict', 'person-not-registered');
    given(rosterCapability)
      .when(forgetTeamMember({ personId: 'constructor' }))
      .thenRejects('conflict', 'person-not-registered');
  });

  it('given a forgotten person, when registered again under the same id, then it is a conflict', () => {
    given(rosterCapability, [teamMemberRegistered(), teamMemberForgotten()])
      .when(registerTeamMember({ team: 'marketing' }))
      .thenRejects('conflict', 'person-forgotten');
  });

  it('given a forgotten person, when removed, then they are not on the roster', () => {
    given(rosterCapability, [teamMemberRegistered(), teamMemberForgotten()])
      .when(removeTeamMember())
      .thenRejects('conflict', 'person-not-registered');
  });
});
