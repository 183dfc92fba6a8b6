import type { GoalEvent } from './goal.events.js';

export interface GoalState {
  /** 0 while the period has no goal. */
  revision: number;
}

export const initialGoalState: GoalState = { revision: 0 };

export const evolveGoal = (state: GoalState, event: GoalEvent): GoalState => {
  switch (event.type) {
    case 'SharedGoalSet':
      return { ...state, revision: event.data.revision };
  }
};
