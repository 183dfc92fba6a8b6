import { CommandRejected, type RuleCode } from './command-rejected.js';

/** Money is a whole number of minor units: 0 or more, or (a target) more than 0. */
export const requireMinorUnits = (
  amount: number,
  { field, code, positive = false }: { field: string; code: RuleCode; positive?: boolean },
): void => {
  if (!Number.isSafeInteger(amount) || amount < (positive ? 1 : 0)) {
    const range = positive ? ' above 0' : ', 0 or more';
    throw new CommandRejected(
      'rule',
      code,
      `${field} ${amount} must be a whole number of minor units${range}`,
      field,
    );
  }
};

/** The ledger counts money in one currency; anything else would add up wrong. */
export const requireLedgerCurrency = (currency: string, ledgerCurrency: string): void => {
  if (currency !== ledgerCurrency) {
    throw new CommandRejected(
      'rule',
      'currency-mismatch',
      `currency ${currency} is not the ledger's currency ${ledgerCurrency}`,
      'currency',
    );
  }
};
