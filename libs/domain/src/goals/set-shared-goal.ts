import { requireOnRoster } from '../shared/roster-lookup.js';
import { CommandRejected, type RuleCode } from '../shared/command-rejected.js';
import { requireLedgerCurrency, requireMinorUnits } from '../shared/money.js';
import { parsePeriod } from '../shared/period.js';
import type { RosterLookup } from '../shared/roster-lookup.js';
import { MAX_LEAD_FOLLOW_UP_SLA_HOURS, type SharedGoalSet } from './goal.events.js';
import type { GoalState } from './goal.state.js';

/** Sets or revises the period's goal; `ledgerCurrency` comes from configuration. */
export type SetSharedGoal = { type: 'SetSharedGoal' } & Omit<SharedGoalSet['data'], 'revision'> & {
    ledgerCurrency: string;
    roster: RosterLookup;
  };

const rule = (code: RuleCode, message: string, field: string) =>
  new CommandRejected('rule', code, message, field);

export const setSharedGoal = (command: SetSharedGoal, state: GoalState): SharedGoalSet[] => {
  const { period, revenueTarget, currency, ledgerCurrency, leadFollowUpSlaHours, setBy, roster } = command;
  if (parsePeriod(period) === null) {
    throw rule('invalid-period', `period ${period} is not YYYY-Www, YYYY-MM or YYYY-Qn`, 'period');
  }
  requireMinorUnits(revenueTarget, {
    field: 'revenueTarget',
    code: 'invalid-revenue-target',
    positive: true,
  });
  requireLedgerCurrency(currency, ledgerCurrency);
  if (
    !Number.isInteger(leadFollowUpSlaHours) ||
    leadFollowUpSlaHours < 1 ||
    leadFollowUpSlaHours > MAX_LEAD_FOLLOW_UP_SLA_HOURS
  ) {
    throw rule(
      'invalid-lead-follow-up-sla',
      `leadFollowUpSlaHours ${leadFollowUpSlaHours} must be a whole number of hours from 1 to ${MAX_LEAD_FOLLOW_UP_SLA_HOURS}`,
      'leadFollowUpSlaHours',
    );
  }
  requireOnRoster(roster, setBy, 'setBy');
  return [
    {
      type: 'SharedGoalSet',
      data: { period, revenueTarget, currency, leadFollowUpSlaHours, setBy, revision: state.revision + 1 },
    },
  ];
};
