import type { SqlQueryable } from '#event-store';
import { COUNTED_FACTS } from '../scorecard-daily.js';

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

export const isGroupedKind = (kind: string): kind is GroupedKind =>
  (GROUPED_KINDS as readonly string[]).includes(kind);

const isMidnight = (instant: string) => new Date(instant).getTime() % 86_400_000 === 0;

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

/** The period's facts grouped by kind, code and flag, from the daily rollups and the facts of T's own day. */
export class FactCounts {
  private constructor(private readonly groups: readonly Group[]) {}

  /** `bounds`: a period of whole UTC days, as every reporting period is, and the knowledge bound. */
  static async of(db: SqlQueryable, bounds: readonly [string, string, string]): Promise<FactCounts> {
    if (!bounds.slice(0, 2).every(isMidnight))
      throw new Error(`not a period of whole days: ${bounds.join(' ')}`);
    const groups = await db.query<Group>(
      `SELECT kind, code, flag, sum(n) AS n, sum(amount) AS amount, sum(roster) AS roster
       FROM (${COUNTED_FACTS}) f GROUP BY kind, code, flag`,
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
