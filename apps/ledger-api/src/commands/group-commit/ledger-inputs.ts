import { type LedgerInput, type LedgerInputs, type RosterEvent, fold, rosterCapability } from '#domain';
import type { StreamState } from './stream-cache.js';

/** Folded once per roster revision: every command naming a person reads it. */
const members = new WeakMap<StreamState, LedgerInputs['roster']>();

const rosterOf = (roster: StreamState): LedgerInputs['roster'] => {
  let folded = members.get(roster);
  if (!folded) {
    folded = fold(rosterCapability, roster.events as RosterEvent[]).members;
    members.set(roster, folded);
  }
  return folded;
};

/** What a capability's commands need from outside their own stream: the roster as it stands, the currency. */
export const ledgerInputsOf = (
  names: readonly LedgerInput[],
  roster: StreamState,
  currency: string,
): Partial<LedgerInputs> => {
  const inputs: Partial<LedgerInputs> = {};
  if (names.includes('roster')) inputs.roster = rosterOf(roster);
  if (names.includes('ledgerCurrency')) inputs.ledgerCurrency = currency;
  return inputs;
};
