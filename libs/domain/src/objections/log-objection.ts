import { CommandRejected } from '../shared/command-rejected.js';
import type { ObjectionLogged } from './objection.events.js';
import type { ObjectionState } from './objection.state.js';

export type LogObjection = { type: 'LogObjection' } & ObjectionLogged['data'];

export const logObjection = (command: LogObjection, state: ObjectionState): ObjectionLogged[] => {
  if (state.status === 'logged') {
    throw new CommandRejected(
      'conflict',
      'objection-already-logged',
      `objection ${command.objectionId} was already logged`,
    );
  }
  const { type: _type, ...data } = command;
  return [{ type: 'ObjectionLogged', data }];
};
