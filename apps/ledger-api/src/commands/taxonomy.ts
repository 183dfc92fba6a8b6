import { badRequest } from '../http/problem.js';

/** Codes from a configurable taxonomy are checked against the ledger's configuration, not a fixed enum. */
export const requireInTaxonomy = (allowed: readonly string[], value: string, field: string): void => {
  if (!allowed.includes(value)) {
    throw badRequest(field, 'isIn', `${field} must be one of: ${allowed.join(', ')}`);
  }
};

export const requireAllInTaxonomy = (
  allowed: readonly string[],
  values: readonly string[],
  field: string,
): void => values.forEach((value, index) => requireInTaxonomy(allowed, value, `${field}[${index}]`));
