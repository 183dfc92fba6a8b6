/** When a read is evaluated, and what it may know. */
export interface AsOf {
  /** Only events recorded at or before this instant count; it is also T. */
  asOf?: Date;
  /** T when there is no asOf. */
  now: Date;
}

/** The SQL bound on knowledge time (recorded_at <= it): asOf, or everything recorded. */
export const knownUpTo = (asOf: Date | undefined): string => asOf?.toISOString() ?? 'infinity';
