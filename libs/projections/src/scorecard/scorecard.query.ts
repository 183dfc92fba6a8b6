import type { Period } from '#domain';
import type { SqlQueryable } from '#event-store';
import { liveContentAt } from '../objection-gaps/objection-gaps.query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import { leadSla } from './lead-sla.js';
import type { Scorecard } from './scorecard.js';
import { weeklyCadence } from './weekly-cadence.js';

/** Without a goal for the period, sales has a day to follow a lead up. */
export const DEFAULT_LEAD_FOLLOW_UP_SLA_HOURS = 24;

type Group = { kind: string; code: string | null; flag: boolean | null; n: string; total: string };

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * The card for one period as the ledger knew it at T. Facts are bucketed by
 * business time; only those recorded at or before asOf count. Reads the
 * scorecard-facts model, and objection-gaps' content for objection coverage.
 */
export const readScorecard = async (
  db: SqlQueryable,
  period: Period,
  { asOf, now, currency }: AsOf & { currency: string },
): Promise<Scorecard> => {
  const t = asOf ?? now;
  const known = knownUpTo(asOf);
  // $1, $2: the period; $3: what the ledger knew (asOf); $4, where used: T.
  const inPeriod = (row = '') =>
    `${row}occurred_at >= $1::timestamptz AND ${row}occurred_at < $2::timestamptz AND ${row}recorded_at <= $3::timestamptz`;
  const bounds = [period.start, period.end, known];

  const groups = await db.query<Group>(
    `SELECT kind, code, flag, count(*) AS n, coalesce(sum(amount), 0) AS total FROM rm_scorecard_facts
     WHERE kind = ANY($4::text[]) AND ${inPeriod()} GROUP BY kind, code, flag`,
    [...bounds, GROUPED_KINDS],
  );
  const count = (kind: string, match: Partial<Pick<Group, 'code' | 'flag'>> = {}) =>
    groups
      .filter((g) => g.kind === kind && Object.entries(match).every(([k, v]) => g[k as keyof Group] === v))
      .reduce((sum, g) => ({ n: sum.n + Number(g.n), total: sum.total + Number(g.total) }), {
        n: 0,
        total: 0,
      });
  const byCode = (kind: string) =>
    Object.fromEntries(
      groups
        .filter((g) => g.kind === kind)
        .sort((a, b) => String(a.code).localeCompare(String(b.code)))
        .map((g) => [String(g.code), Number(g.n)]),
    );

  const [goalRow] = await db.query<{ amount: string; code: string; detail: Record<string, number> }>(
    `SELECT amount, code, detail FROM rm_scorecard_facts
     WHERE kind = 'goal' AND subject = $1 AND recorded_at <= $2::timestamptz ORDER BY position DESC LIMIT 1`,
    [period.text, known],
  );
  const goal = goalRow
    ? {
        revenueTarget: Number(goalRow.amount),
        currency: goalRow.code,
        leadFollowUpSlaHours: goalRow.detail.leadFollowUpSlaHours,
        revision: goalRow.detail.revision,
      }
    : null;

  const handoffs = await db.query<{ handed_off_at: Date; first_follow_up_at: Date | null }>(
    `SELECT h.occurred_at AS handed_off_at,
       (SELECT min(f.occurred_at) FROM rm_scorecard_facts f
        WHERE f.kind = 'follow-up' AND f.subject = h.subject AND f.recorded_at <= $3::timestamptz) AS first_follow_up_at
     FROM rm_scorecard_facts h WHERE h.kind = 'handoff' AND ${inPeriod('h.')}`,
    bounds,
  );
  const sla = leadSla(
    handoffs.map((h) => ({ handedOffAt: h.handed_off_at, firstFollowUpAt: h.first_follow_up_at })),
    goal?.leadFollowUpSlaHours ?? DEFAULT_LEAD_FOLLOW_UP_SLA_HOURS,
    t,
  );

  const [{ n: acknowledgingReps }] = await db.query<{ n: string }>(
    `SELECT count(DISTINCT (subject, person_id)) AS n FROM rm_scorecard_facts
     WHERE kind = 'ack' AND occurred_at <= $4::timestamptz AND recorded_at <= $3::timestamptz
       AND subject IN (
         SELECT subject FROM rm_scorecard_facts WHERE kind = 'launch' AND amount IS NOT NULL AND ${inPeriod()})`,
    [...bounds, t.toISOString()],
  );
  const live = await db.query<{ category: string }>(
    `SELECT DISTINCT category FROM rm_content_facts WHERE ${liveContentAt('$1', '$2')}`,
    [t.toISOString(), known],
  );
  const jointHuddles = await db.query<{ occurred_at: Date }>(
    `SELECT occurred_at FROM rm_scorecard_facts WHERE kind = 'huddle' AND flag AND ${inPeriod()}`,
    bounds,
  );
  const [{ n: overdue }] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM rm_scorecard_facts i
     WHERE i.kind = 'item-opened' AND i.due_at <= $4::timestamptz
       AND ${inPeriod('i.')}
       AND NOT EXISTS (SELECT 1 FROM rm_scorecard_facts c
         WHERE c.kind = 'item-completed' AND c.subject = i.subject
           AND c.occurred_at <= $4::timestamptz AND c.recorded_at <= $3::timestamptz)`,
    [...bounds, t.toISOString()],
  );

  const won = count('deal', { code: 'won' });
  const lost = count('deal', { code: 'lost' });
  const launched = count('launch');
  const objections = count('objection');
  const byCategory = byCode('objection');
  const coveredObjections = live.reduce((sum, { category }) => sum + (byCategory[category] ?? 0), 0);
  return {
    period: period.text,
    from: period.start,
    to: period.end,
    at: t.toISOString(),
    goal,
    revenue: {
      currency,
      won: won.total,
      attainment: goal ? won.total / goal.revenueTarget : null,
      campaignInfluenced: count('deal', { code: 'won', flag: true }).total,
    },
    deals: { won: won.n, lost: lost.n, winRate: ratio(won.n, won.n + lost.n) },
    leads: {
      handedOff: handoffs.length,
      ...sla,
      accepted: count('lead-accepted').n,
      rejected: count('lead-rejected').n,
      rejectionReasons: byCode('lead-rejected'),
    },
    campaigns: {
      launched: launched.n,
      reviewedBeforeLaunch: count('launch', { flag: true }).n,
      briefingCoverage: ratio(Number(acknowledgingReps), launched.total),
      blindsides: count('blindside').n,
    },
    objections: {
      logged: objections.n,
      byCategory,
      coverage: ratio(coveredObjections, objections.n),
    },
    huddles: {
      held: count('huddle').n,
      joint: count('huddle', { flag: true }).n,
      weeklyCadence: weeklyCadence(
        period,
        jointHuddles.map((h) => h.occurred_at),
        t,
      ),
    },
    actionItems: {
      opened: count('item-opened').n,
      completed: count('item-completed').n,
      overdue: Number(overdue),
    },
    celebrations: { joint: count('celebration', { flag: true }).n },
    blame: { flagged: count('blame').n },
  };
};

const GROUPED_KINDS = [
  'deal',
  'lead-accepted',
  'lead-rejected',
  'launch',
  'blindside',
  'objection',
  'huddle',
  'item-opened',
  'item-completed',
  'celebration',
  'blame',
];
