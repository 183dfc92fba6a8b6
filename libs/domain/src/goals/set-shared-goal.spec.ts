import { given } from '#testing';
import { setSharedGoal, sharedGoalSet } from '../../test/goals.builders.js';
import { goalCapability } from './goal.capability.js';

/** Marketing lowers the target. */
const revised = { revenueTarget: 22_000_000, setBy: 'person-mia' };

describe('SetSharedGoal', () => {
  it('given no goal for the quarter, when sales sets one, then SharedGoalSet is revision 1', () => {
    given(goalCapability)
      .when(setSharedGoal())
      .then([sharedGoalSet({ revision: 1 })]);
  });

  it('given a goal, when marketing revises it, then SharedGoalSet is revision 2 and the first stays in history', () => {
    given(goalCapability, [sharedGoalSet()])
      .when(setSharedGoal(revised))
      .then([sharedGoalSet({ ...revised, revision: 2 })]);
  });

  it('given two settings, when the follow-up SLA is tightened, then it is revision 3', () => {
    const tightened = { revenueTarget: 22_000_000, leadFollowUpSlaHours: 4 };
    given(goalCapability, [sharedGoalSet(), sharedGoalSet({ ...revised, revision: 2 })])
      .when(setSharedGoal(tightened))
      .then([sharedGoalSet({ ...tightened, revision: 3 })]);
  });

  it.each([
    [
      'given no goal, when a weekly goal is set with the longest SLA (30 days), then it is recorded',
      { period: '2020-W53', revenueTarget: 1, leadFollowUpSlaHours: 720 },
    ],
    [
      'given no goal, when a monthly goal is set with a one-hour SLA, then it is recorded',
      { period: '2026-04', revenueTarget: 8_000_000, leadFollowUpSlaHours: 1 },
    ],
  ])('%s', (_title, goal) => {
    given(goalCapability)
      .when(setSharedGoal(goal))
      .then([sharedGoalSet({ ...goal, revision: 1 })]);
  });

  it.each(['2021-W53', '2026-Q5', '2026-13', 'Q2 2026', ''])(
    'when the period is %p, then it is refused',
    (period) => {
      given(goalCapability).when(setSharedGoal({ period })).thenRejects('rule', 'invalid-period');
    },
  );

  it.each([0, -5_000_000, 2_500_000.5])(
    'when the revenue target is %p, then it is refused',
    (revenueTarget) => {
      given(goalCapability)
        .when(setSharedGoal({ revenueTarget }))
        .thenRejects('rule', 'invalid-revenue-target');
    },
  );

  it('when the currency is not the ledger currency, then it is refused', () => {
    given(goalCapability)
      .when(setSharedGoal({ currency: 'GBP' }))
      .thenRejects('rule', 'currency-mismatch');
  });

  it.each([0, 721, 1.5, -24])(
    'when the follow-up SLA is %p hours, then it is refused',
    (leadFollowUpSlaHours) => {
      given(goalCapability)
        .when(setSharedGoal({ leadFollowUpSlaHours }))
        .thenRejects('rule', 'invalid-lead-follow-up-sla');
    },
  );

  it.each([
    ['when the person setting it is not on the roster, then it is refused', 'person-board-member'],
    [
      'when the person setting it is named like a property every object has, then it is still refused',
      'constructor',
    ],
  ])('%s', (_title, setBy) => {
    given(goalCapability).when(setSharedGoal({ setBy })).thenRejects('rule', 'person-not-on-roster');
  });

  it('names the offending field', () => {
    given(goalCapability)
      .when(setSharedGoal({ period: '2021-W53' }))
      .thenRejects('rule', 'invalid-period', 'period');
    given(goalCapability)
      .when(setSharedGoal({ currency: 'GBP' }))
      .thenRejects('rule', 'currency-mismatch', 'currency');
  });
});
