import type { SqlQueryable } from '#event-store';

export interface Sign {
  status: 'ok' | 'warning';
  /** Global positions of the events behind the sign. */
  evidence: number[];
}

/** What every sign reader shares: the window (T − 28 days, T] as known at asOf. */
export interface HealthWindow {
  db: SqlQueryable;
  t: Date;
  known: string;
  /** [$1, $2, $3]: the window's start (exclusive) and end (T, inclusive), and `known`. */
  bounds: [string, string, string];
}

/** Facts with business time in the window, known at asOf; uses $1–$3 of `bounds`. */
export const IN_WINDOW =
  'occurred_at > $1::timestamptz AND occurred_at <= $2::timestamptz AND recorded_at <= $3::timestamptz';

export const sign = (warning: boolean, evidence: number[]): Sign => ({
  status: warning ? 'warning' : 'ok',
  evidence: [...evidence].sort((a, b) => a - b),
});

export const positions = (rows: readonly { position: string }[]): number[] =>
  rows.map((row) => Number(row.position));
