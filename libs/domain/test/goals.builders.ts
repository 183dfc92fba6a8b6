import type { goalCapability, SharedGoalSet } from '../src/index.js';
import { type CommandOf, builders } from './builders.js';
import { roster } from './roster.builders.js';

type Command<Type extends string> = CommandOf<typeof goalCapability, Type>;

/** Sam sets the second quarter's target and a one-day follow-up promise. */
const goal: Omit<SharedGoalSet['data'], 'revision'> = {
  period: '2026-Q2',
  revenueTarget: 25_000_000,
  currency: 'EUR',
  leadFollowUpSlaHours: 24,
  setBy: 'person-sam',
};
export const [setSharedGoal, sharedGoalSet] = builders<Command<'SetSharedGoal'>, SharedGoalSet>(
  { type: 'SetSharedGoal', ...goal, ledgerCurrency: 'EUR', roster },
  { type: 'SharedGoalSet', data: { ...goal, revision: 1 } },
);
