/** The default objection taxonomy; a ledger may configure its own. */
export const defaultObjectionCategories = [
  'price',
  'timing',
  'competitor',
  'feature-gap',
  'integration',
  'trust',
  'other',
] as const;
