import type { Period } from '#domain';
import type { SqlQueryable } from '#event-store';
import type { FactCounts } from './fact-counts.js';
import type { Scorecard } from '../scorecard.js';

/** What every section reader of one card shares: where, when, what was known, and the period's counts. */
export interface ScorecardScope {
  db: SqlQueryable;
  period: Period;
  /** T: asOf, or now. */
  t: Date;
  /** The knowledge-time bound: asOf, or everything recorded. */
  known: string;
  /** [$1, $2, $3] of `inPeriod`: the period's start and end, and `known`. */
  bounds: [string, string, string];
  counts: FactCounts;
  goal: Scorecard['goal'];
  currency: string;
}
