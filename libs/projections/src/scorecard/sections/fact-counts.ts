import type { SqlQueryable } from '#event-store';
import { inPeriod } from './period-sql.js';

/** The kinds counted by one grouped scan of the period; the others have readers of their own. */
const GROUPED_KINDS = [
  'deal-closed',
  'lead-accepted',
  'lead-rejected',
  'campaign-launched',
  'blindside-reported',
  'objection-logged',
  'huddle-held',
  'action-item-opened',
  'action-item-completed',
  'win-celebrated',
  'blame-flagged',
] as const;

type GroupedKind = (typeof GROUPED_KINDS)[number];

interface Group {
  kind: GroupedKind;
  code: string | null;
  flag: boolean | null;
  n: string;
  amount: string;
  roster: string;
}

/** How many facts of a kind, and the sums of their money and head counts. */
interface Tally {
  n: number;
  amount: number;
  rosterSize: number;
}

/** The period's facts grouped by kind, code and flag, from one index range scan. */
export class FactCounts {
  private constructor(private readonly groups: readonly Group[]) {}

  static async of(db: SqlQueryable, bounds: readonly string[]): Promise<FactCounts> {
    const groups = await db.query<Group>(
      `SELECT kind, code, flag, count(*) AS n, coalesce(sum(amount), 0) AS amount,
         coalesce(sum(roster_size), 0) AS roster
       FROM rm_scorecard_facts WHERE kind = ANY($4::text[]) AND ${inPeriod()} GROUP BY kind, code, flag`,
      [...bounds, GROUPED_KINDS],
    );
    return new FactCounts(groups);
  }

  count(kind: GroupedKind, match: { code?: string; flag?: boolean } = {}): Tally {
    return this.groups
      .filter(
        (g) =>
          g.kind === kind &&
          (match.code === undefined || g.code === match.code) &&
          (match.flag === undefined || g.flag === match.flag),
      )
      .reduce(
        (sum, g) => ({
          n: sum.n + Number(g.n),
          amount: sum.amount + Number(g.amount),
          rosterSize: sum.rosterSize + Number(g.roster),
        }),
        { n: 0, amount: 0, rosterSize: 0 },
      );
  }

  /** Counts of a kind by code, codes in order. */
  byCode(kind: GroupedKind): Record<string, number> {
    return Object.fromEntries(
      this.groups
        .filter((g) => g.kind === kind)
        .sort((a, b) => String(a.code).localeCompare(String(b.code)))
        .map((g) => [String(g.code), Number(g.n)]),
    );
  }
}
