/** A fact of the period as the ledger knew it; `row` prefixes the columns (`'h.'`). Uses $1–$3 of `bounds`. */
export const inPeriod = (row = '') =>
  `${row}occurred_at >= $1::timestamptz AND ${row}occurred_at < $2::timestamptz AND ${row}recorded_at <= $3::timestamptz`;

export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
