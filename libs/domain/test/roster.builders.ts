import type {
  rosterCapability,
  RosterLookup,
  TeamMemberForgotten,
  TeamMemberRegistered,
  TeamMemberRemoved,
} from '../src/index.js';
import { type CommandOf, builders } from './builders.js';

type Command<Type extends string> = CommandOf<typeof rosterCapability, Type>;

/** The team every command naming `person-…` ids is decided against: two people on each side. */
export const roster: RosterLookup = {
  'person-mia': 'marketing',
  'person-omar': 'marketing',
  'person-sam': 'sales',
  'person-lena': 'sales',
};

const sam: TeamMemberRegistered['data'] = { personId: 'sam', team: 'sales', sealedDisplayName: 'sealed:sam' };
export const [registerTeamMember, teamMemberRegistered] = builders<
  Command<'RegisterTeamMember'>,
  TeamMemberRegistered
>({ type: 'RegisterTeamMember', ...sam }, { type: 'TeamMemberRegistered', data: sam });

export const [removeTeamMember, teamMemberRemoved] = builders<Command<'RemoveTeamMember'>, TeamMemberRemoved>(
  { type: 'RemoveTeamMember', personId: 'sam' },
  { type: 'TeamMemberRemoved', data: { personId: 'sam' } },
);

export const [forgetTeamMember, teamMemberForgotten] = builders<
  Command<'ForgetTeamMember'>,
  TeamMemberForgotten
>({ type: 'ForgetTeamMember', personId: 'sam' }, { type: 'TeamMemberForgotten', data: { personId: 'sam' } });
