import { given } from '#testing';
import {
  registerTeamMember,
  removeTeamMember,
  teamMemberRegistered,
  teamMemberRemoved,
} from '../../test/roster.builders.js';
import { rosterCapability } from './roster.capability.js';
import { evolveRoster, initialRosterState } from './roster.state.js';

const mia = teamMemberRegistered({ personId: 'mia', team: 'marketing', sealedDisplayName: 'sealed:mia' });

describe('RegisterTeamMember', () => {
  it('given an empty roster, when a rep registers, then TeamMemberRegistered carries only the sealed name', () => {
    const sealed = { sealedDisplayName: 'v1.k.iv.ct.tag' };
    given(rosterCapability)
      .when(registerTeamMember(sealed))
      .then([teamMemberRegistered(sealed)]);
  });

  it('given a registered person, when registered again, then it is a conflict', () => {
    given(rosterCapability, [teamMemberRegistered()])
      .when(registerTeamMember({ team: 'marketing', sealedDisplayName: 'x' }))
      .thenRejects('conflict', 'person-already-registered');
  });

  it('given a removed person, when registered again on another team, then they rejoin', () => {
    const onMarketing = { team: 'marketing', sealedDisplayName: 'x' } as const;
    given(rosterCapability, [teamMemberRegistered(), teamMemberRemoved()])
      .when(registerTeamMember(onMarketing))
      .then([teamMemberRegistered(onMarketing)]);
  });
});

describe('ids named like Object.prototype members', () => {
  it('given an empty roster, when "constructor" registers, then it is a member like any other', () => {
    const constructor = { personId: 'constructor', sealedDisplayName: 'x' };
    given(rosterCapability)
      .when(registerTeamMember(constructor))
      .then([teamMemberRegistered(constructor)]);
    given(rosterCapability)
      .when(removeTeamMember({ personId: 'toString' }))
      .thenRejects('conflict', 'person-not-registered');
  });
});

describe('RemoveTeamMember', () => {
  it('given a member, when removed, then TeamMemberRemoved and they leave the lookup', () => {
    given(rosterCapability, [mia])
      .when(removeTeamMember({ personId: 'mia' }))
      .then([teamMemberRemoved({ personId: 'mia' })]);
    const after = [mia, teamMemberRegistered(), teamMemberRemoved({ personId: 'mia' })].reduce(
      evolveRoster,
      initialRosterState,
    );
    expect(after.members).toEqual({ sam: 'sales' });
  });

  it('given no such member, when removed, then it is a conflict', () => {
    given(rosterCapability)
      .when(removeTeamMember({ personId: 'ghost' }))
      .thenRejects('conflict', 'person-not-registered');
  });
});
