import { given } from '#testing';
import type { RosterEvent } from './roster.events.js';
import { rosterCapability } from './roster.capability.js';
import { evolveRoster, initialRosterState } from './roster.state.js';

const registered = (personId: string, team: 'sales' | 'marketing'): RosterEvent => ({
  type: 'TeamMemberRegistered',
  data: { personId, team, sealedDisplayName: `sealed:${personId}` },
});

describe('RegisterTeamMember', () => {
  it('given an empty roster, when a rep registers, then TeamMemberRegistered carries only the sealed name', () => {
    given(rosterCapability)
      .when({
        type: 'RegisterTeamMember',
        personId: 'sam',
        team: 'sales',
        sealedDisplayName: 'v1.k.iv.ct.tag',
      })
      .then([
        {
          type: 'TeamMemberRegistered',
          data: { personId: 'sam', team: 'sales', sealedDisplayName: 'v1.k.iv.ct.tag' },
        },
      ]);
  });

  it('given a registered person, when registered again, then it is a conflict', () => {
    given(rosterCapability, [registered('sam', 'sales')])
      .when({ type: 'RegisterTeamMember', personId: 'sam', team: 'marketing', sealedDisplayName: 'x' })
      .thenRejects('conflict', 'person-already-registered');
  });

  it('given a removed person, when registered again on another team, then they rejoin', () => {
    given(rosterCapability, [
      registered('sam', 'sales'),
      { type: 'TeamMemberRemoved', data: { personId: 'sam' } },
    ])
      .when({ type: 'RegisterTeamMember', personId: 'sam', team: 'marketing', sealedDisplayName: 'x' })
      .then([
        {
          type: 'TeamMemberRegistered',
          data: { personId: 'sam', team: 'marketing', sealedDisplayName: 'x' },
        },
      ]);
  });
});

describe('ids named like Object.prototype members', () => {
  it('given an empty roster, when "constructor" registers, then it is a member like any other', () => {
    given(rosterCapability)
      .when({ type: 'RegisterTeamMember', personId: 'constructor', team: 'sales', sealedDisplayName: 'x' })
      .then([
        {
          type: 'TeamMemberRegistered',
          data: { personId: 'constructor', team: 'sales', sealedDisplayName: 'x' },
        },
      ]);
    given(rosterCapability)
      .when({ type: 'RemoveTeamMember', personId: 'toString' })
      .thenRejects('conflict', 'person-not-registered');
  });
});

describe('RemoveTeamMember', () => {
  it('given a member, when removed, then TeamMemberRemoved and they leave the lookup', () => {
    given(rosterCapability, [registered('mia', 'marketing')])
      .when({ type: 'RemoveTeamMember', personId: 'mia' })
      .then([{ type: 'TeamMemberRemoved', data: { personId: 'mia' } }]);
    const after = [registered('mia', 'marketing'), registered('sam', 'sales')]
      .concat([{ type: 'TeamMemberRemoved', data: { personId: 'mia' } }])
      .reduce(evolveRoster, initialRosterState);
    expect(after.members).toEqual({ sam: 'sales' });
  });

  it('given no such member, when removed, then it is a conflict', () => {
    given(rosterCapability)
      .when({ type: 'RemoveTeamMember', personId: 'ghost' })
      .thenRejects('conflict', 'person-not-registered');
  });
});
