import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import { goalCapability } from './goal.capability.js';
import type { SharedGoalSet } from './goal.events.js';
import type { SetSharedGoal } from './set-shared-goal.js';

const roster: RosterLookup = { 'person-mia': 'marketing', 'person-sam': 'sales' };

const setGoal: SetSharedGoal = {
  type: 'SetSharedGoal',
  period: '2026-Q2',
  revenueTarget: 25_000_000,
  currency: 'EUR',
  ledgerCurrency: 'EUR',
  leadFollowUpSlaHours: 24,
  setBy: 'person-sam',
  roster,
};

const firstSetting: SharedGoalSet = {
  type: 'SharedGoalSet',
  data: {
    period: '2026-Q2',
    revenueTarget: 25_000_000,
    currency: 'EUR',
    leadFollowUpSlaHours: 24,
    setBy: 'person-sam',
    revision: 1,
  },
};

const secondSetting: SharedGoalSet = {
  type: 'SharedGoalSet',
  data: {
    period: '2026-Q2',
    revenueTarget: 22_000_000,
    currency: 'EUR',
    leadFollowUpSlaHours: 24,
    setBy: 'person-mia',
    revision: 2,
  },
};

describe('SetSharedGoal', () => {
  it('given no goal for the quarter, when sales sets one, then SharedGoalSet is revision 1', () => {
    given(goalCapability)
      .when(setGoal)
      .then([
        {
          type: 'SharedGoalSet',
          data: {
            period: '2026-Q2',
            revenueTarget: 25_000_000,
            currency: 'EUR',
            leadFollowUpSlaHours: 24,
            setBy: 'person-sam',
            revision: 1,
          },
        },
      ]);
  });

  it('given a goal, when marketing revises it, then SharedGoalSet is revision 2 and the first stays in history', () => {
    given(goalCapability, [firstSetting])
      .when({ ...setGoal, revenueTarget: 22_000_000, setBy: 'person-mia' })
      .then([
        {
          type: 'SharedGoalSet',
          data: {
            period: '2026-Q2',
            revenueTarget: 22_000_000,
            currency: 'EUR',
            leadFollowUpSlaHours: 24,
            setBy: 'person-mia',
            revision: 2,
          },
        },
      ]);
  });

  it('given two settings, when the follow-up SLA is tightened, then it is revision 3', () => {
    given(goalCapability, [firstSetting, secondSetting])
      .when({ ...setGoal, revenueTarget: 22_000_000, leadFollowUpSlaHours: 4 })
      .then([
        {
          type: 'SharedGoalSet',
          data: {
            period: '2026-Q2',
            revenueTarget: 22_000_000,
            currency: 'EUR',
            leadFollowUpSlaHours: 4,
            setBy: 'person-sam',
            revision: 3,
          },
        },
      ]);
  });

  it('given no goal, when a weekly goal is set with the longest SLA (30 days), then it is recorded', () => {
    given(goalCapability)
      .when({ ...setGoal, period: '2020-W53', revenueTarget: 1, leadFollowUpSlaHours: 720 })
      .then([
        {
          type: 'SharedGoalSet',
          data: {
            period: '2020-W53',
            revenueTarget: 1,
            currency: 'EUR',
            leadFollowUpSlaHours: 720,
            setBy: 'person-sam',
            revision: 1,
          },
        },
      ]);
  });

  it('given no goal, when a monthly goal is set with a one-hour SLA, then it is recorded', () => {
    given(goalCapability)
      .when({ ...setGoal, period: '2026-04', revenueTarget: 8_000_000, leadFollowUpSlaHours: 1 })
      .then([
        {
          type: 'SharedGoalSet',
          data: {
            period: '2026-04',
            revenueTarget: 8_000_000,
            currency: 'EUR',
            leadFollowUpSlaHours: 1,
            setBy: 'person-sam',
            revision: 1,
          },
        },
      ]);
  });

  it.each(['2021-W53', '2026-Q5', '2026-13', 'Q2 2026', ''])(
    'when the period is %p, then it is refused',
    (period) => {
      given(goalCapability)
        .when({ ...setGoal, period })
        .thenRejects('rule', 'invalid-period');
    },
  );

  it.each([0, -5_000_000, 2_500_000.5])(
    'when the revenue target is %p, then it is refused',
    (revenueTarget) => {
      given(goalCapability)
        .when({ ...setGoal, revenueTarget })
        .thenRejects('rule', 'invalid-revenue-target');
    },
  );

  it('when the currency is not the ledger currency, then it is refused', () => {
    given(goalCapability)
      .when({ ...setGoal, currency: 'GBP' })
      .thenRejects('rule', 'currency-mismatch');
  });

  it.each([0, 721, 1.5, -24])(
    'when the follow-up SLA is %p hours, then it is refused',
    (leadFollowUpSlaHours) => {
      given(goalCapability)
        .when({ ...setGoal, leadFollowUpSlaHours })
        .thenRejects('rule', 'invalid-lead-follow-up-sla');
    },
  );

  it('when the person setting it is not on the roster, then it is refused', () => {
    given(goalCapability)
      .when({ ...setGoal, setBy: 'person-board-member' })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('when the person setting it is named like a property every object has, then it is still refused', () => {
    given(goalCapability)
      .when({ ...setGoal, setBy: 'constructor' })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('names the offending field', () => {
    const decide = (command: SetSharedGoal) => () =>
      goalCapability.decide(command, goalCapability.initialState);
    expect(decide({ ...setGoal, period: '2021-W53' })).toThrow(expect.objectContaining({ field: 'period' }));
    expect(decide({ ...setGoal, currency: 'GBP' })).toThrow(expect.objectContaining({ field: 'currency' }));
  });
});
