import { capability } from '../shared/capability.js';
import type { ObjectionEvent } from './objection.events.js';
import { type ObjectionState, evolveObjection, initialObjectionState } from './objection.state.js';
import { type LogObjection, logObjection } from './log-objection.js';

type ObjectionCommand = LogObjection;

export const objectionCapability = capability<ObjectionCommand, ObjectionEvent, ObjectionState>({
  initialState: initialObjectionState,
  evolve: evolveObjection,
  streamIdOf: (command) => `objection-${command.objectionId}`,
  inputs: { roster: true },
  commands: {
    LogObjection: { decide: logObjection, actor: 'heardBy' },
  },
});
