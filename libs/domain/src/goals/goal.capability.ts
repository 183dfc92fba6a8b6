import { capability } from '../shared/capability.js';
import type { GoalEvent } from './goal.events.js';
import { type GoalState, evolveGoal, initialGoalState } from './goal.state.js';
import { type SetSharedGoal, setSharedGoal } from './set-shared-goal.js';

type GoalCommand = SetSharedGoal;

export const goalCapability = capability<GoalCommand, GoalEvent, GoalState>({
  initialState: initialGoalState,
  evolve: evolveGoal,
  /** One stream per period: `goal-2026-Q1`. */
  streamIdOf: (command) => `goal-${command.period}`,
  inputs: { roster: true, ledgerCurrency: true },
  commands: {
    SetSharedGoal: { decide: setSharedGoal, actor: 'setBy' },
  },
});
