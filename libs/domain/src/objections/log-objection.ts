import { screenForBlame } from '../blame/blame-screen.js';
import { CommandRejected } from '../shared/command-rejected.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { ObjectionLogged } from './objection.events.js';
import type { ObjectionState } from './objection.state.js';

export type LogObjection = { type: 'LogObjection'; roster: RosterLookup } & Omit<
  ObjectionLogged['data'],
  'blameFlag'
>;

export const logObjection = (command: LogObjection, state: ObjectionState): ObjectionLogged[] => {
  requireMember(command.roster, command.heardBy, 'sales', 'heardBy');
  if (state.status === 'logged') {
    throw new CommandRejected(
      'conflict',
      'objection-already-logged',
      `objection ${command.objectionId} was already logged`,
    );
  }
  const { type: _type, roster: _roster, ...heard } = command;
  return [{ type: 'ObjectionLogged', data: { ...heard, blameFlag: screenForBlame(command.text).blaming } }];
};
