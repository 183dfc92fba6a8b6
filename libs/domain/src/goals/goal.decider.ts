import type { Decider } from '../shared/decider.js';
import type { GoalEvent } from './goal.events.js';
import { type GoalState, evolveGoal, initialGoalState } from './goal.state.js';
import { type SetSharedGoal, setSharedGoal } from './set-shared-goal.js';

export type GoalCommand = SetSharedGoal;

/** One stream per period: `goal-2026-Q1`. */
export const goalStreamId = (period: string) => `goal-${period}`;

export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = {
  initialState: initialGoalState,
  evolve: evolveGoal,
  decide: (command, state) => {
    switch (command.type) {
      case 'SetSharedGoal':
        return setSharedGoal(command, state);
    }
  },
};
