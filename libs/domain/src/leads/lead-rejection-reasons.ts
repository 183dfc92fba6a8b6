/** The default reasons sales may give for rejecting a lead; a ledger may configure its own. */
export const defaultLeadRejectionReasons = [
  'no-budget',
  'no-authority',
  'no-need',
  'bad-timing',
  'wrong-fit',
  'duplicate',
  'bad-contact-data',
  'other',
] as const;
