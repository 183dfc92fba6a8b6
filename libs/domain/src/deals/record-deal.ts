import { screenForBlame } from '../blame/blame-screen.js';
import { CommandRejected, type RuleCode } from '../shared/command-rejected.js';
import { requireLedgerCurrency, requireMinorUnits } from '../shared/money.js';
import { toUtcInstant } from '../shared/period.js';
import { type RosterLookup, requireMember } from '../shared/roster-lookup.js';
import type { DealRecorded } from './deal.events.js';
import type { DealState } from './deal.state.js';

/** A closed deal, won or lost, in the ledger's currency (`ledgerCurrency`, from configuration). */
export type RecordDeal = { type: 'RecordDeal' } & Omit<DealRecorded['data'], 'blameFlag'> & {
    ledgerCurrency: string;
    roster: RosterLookup;
  };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The same deal as recorded: every field but the derived blame flag, lists in the same order. */
const sameDeal = (recorded: DealRecorded['data'], command: RecordDeal): boolean =>
  recorded.outcome === command.outcome &&
  recorded.amount === command.amount &&
  recorded.currency === command.currency &&
  recorded.closedAt === (toUtcInstant(command.closedAt) ?? command.closedAt) &&
  recorded.owner === command.owner &&
  recorded.leadId === command.leadId &&
  sameList(recorded.campaignIds, command.campaignIds) &&
  sameList(recorded.objectionCategories, command.objectionCategories) &&
  recorded.lossReason === command.lossReason;

const rule = (code: RuleCode, message: string, field: string) =>
  new CommandRejected('rule', code, message, field);

export const recordDeal = (command: RecordDeal, state: DealState): DealRecorded[] => {
  const { dealId, outcome, amount, currency, ledgerCurrency, owner, leadId, lossReason, roster } = command;
  // A retry of what was recorded is answered first, whatever the roster says now.
  if (state.status === 'recorded') {
    if (sameDeal(state.deal, command)) return [];
    throw new CommandRejected(
      'conflict',
      'deal-already-recorded',
      `deal ${dealId} was already recorded with different details`,
    );
  }
  requireMinorUnits(amount, { field: 'amount', code: 'invalid-amount' });
  requireLedgerCurrency(currency, ledgerCurrency);
  const closedAt = toUtcInstant(command.closedAt);
  if (closedAt === null) {
    throw rule(
      'invalid-closed-at',
      `closedAt ${command.closedAt} is not an ISO-8601 instant with a zone`,
      'closedAt',
    );
  }
  if (outcome === 'won' && lossReason !== null) {
    throw rule('loss-reason-on-won-deal', `deal ${dealId} was won, so it has no loss reason`, 'lossReason');
  }
  requireMember(roster, owner, 'sales', 'owner');
  return [
    {
      type: 'DealRecorded',
      data: {
        dealId,
        outcome,
        amount,
        currency,
        closedAt,
        owner,
        leadId,
        campaignIds: [...command.campaignIds],
        objectionCategories: [...command.objectionCategories],
        lossReason,
        blameFlag: lossReason === null ? false : screenForBlame(lossReason).blaming,
      },
    },
  ];
};
