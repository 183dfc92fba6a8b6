import type { Decider } from '../shared/decider.js';
import type { ObjectionEvent } from './objection.events.js';
import { type ObjectionState, evolveObjection, initialObjectionState } from './objection.state.js';
import { type LogObjection, logObjection } from './log-objection.js';

export type ObjectionCommand = LogObjection;

export const objectionStreamId = (objectionId: string) => `objection-${objectionId}`;

export const objectionDecider: Decider<ObjectionCommand, ObjectionEvent, ObjectionState> = {
  initialState: initialObjectionState,
  evolve: evolveObjection,
  decide: (command, state) => {
    switch (command.type) {
      case 'LogObjection':
        return logObjection(command, state);
    }
  },
};
