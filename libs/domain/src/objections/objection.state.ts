import type { ObjectionEvent } from './objection.events.js';

export interface ObjectionState {
  status: 'none' | 'logged';
}

export const initialObjectionState: ObjectionState = { status: 'none' };

export const evolveObjection = (state: ObjectionState, event: ObjectionEvent): ObjectionState => {
  switch (event.type) {
    case 'ObjectionLogged':
      return { ...state, status: 'logged' };
  }
};
