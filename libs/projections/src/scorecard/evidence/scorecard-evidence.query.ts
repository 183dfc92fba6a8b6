import type { Period } from '#domain';
import type { SqlQueryable } from '#event-store';
import type { ReadModelQuery } from '../../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../../shared/as-of.js';
import { scorecardFactsProjection } from '../scorecard-facts.projection.js';
import { slaStanding } from '../lead-sla.js';
import { liveCategories } from '../../content/live-content.js';
import { contentProjection } from '../../content/content.projection.js';
import { OVERDUE_ITEMS } from '../sections/action-items.section.js';
import { ACKNOWLEDGEMENTS } from '../sections/campaigns.section.js';
import { readGoal } from '../sections/goal.section.js';
import { readHandoffs, slaHoursOf } from '../sections/leads.section.js';
import { inPeriod } from '../sections/period-sql.js';
import type { ScorecardScope } from '../sections/scorecard-scope.js';
import {
  EVIDENCE_OF,
  type EvidenceMetric,
  type EvidenceRule,
  type FactSelector,
} from './evidence-metrics.js';

type Bounds = ScorecardScope['bounds'];

/** One fact a figure counts: the event that recorded it (position) and what it is about. */
export interface EvidenceFact {
  position: number;
  subject: string;
  /** Business time: what the period buckets by. */
  occurredAt: string;
  recordedAt: string;
  /** Money in minor units, for the facts of money figures; else null. */
  amount: number | null;
}

export interface ScorecardEvidence {
  /** T: asOf, or now. */
  at: string;
  /** Ordered by position, then subject. */
  facts: EvidenceFact[];
}

interface FactRow {
  position: string;
  subject: string;
  occurred_at: Date;
  recorded_at: Date;
  amount: string | null;
}

const factOf = (row: FactRow): EvidenceFact => ({
  position: Number(row.position),
  subject: row.subject,
  occurredAt: row.occurred_at.toISOString(),
  recordedAt: row.recorded_at.toISOString(),
  amount: row.amount === null ? null : Number(row.amount),
});

/** The columns of an evidence fact, of the row named `row`. */
const factColumns = (row: string) =>
  ['position', 'subject', 'occurred_at', 'recorded_at', 'amount'].map((c) => `${row}.${c}`).join(', ');

const selected = async (db: SqlQueryable, bounds: Bounds, selector: FactSelector) => {
  const rows = await db.query<FactRow>(
    `SELECT ${factColumns('i')} FROM rm_scorecard_facts i
     WHERE i.kind = $4 AND ($5::text IS NULL OR i.code = $5) AND ($6::boolean IS NULL OR i.flag = $6)
       AND ${inPeriod('i.')} ORDER BY i.position, i.subject`,
    [...bounds, selector.kind, selector.code ?? null, selector.flag ?? null],
  );
  return rows.map(factOf);
};

const overdue = async (db: SqlQueryable, bounds: Bounds, t: Date) => {
  const rows = await db.query<FactRow>(
    `SELECT ${factColumns('i')} ${OVERDUE_ITEMS} ORDER BY i.position, i.subject`,
    [...bounds, t.toISOString()],
  );
  return rows.map(factOf);
};

/** Each rep's first acknowledgement of each of the period's launches, as briefing coverage counts them. */
const acknowledgements = async (db: SqlQueryable, bounds: Bounds, t: Date) => {
  const rows = await db.query<FactRow>(
    `SELECT * FROM (SELECT DISTINCT ON (a.subject, a.person_id) ${factColumns('a')}
       ${ACKNOWLEDGEMENTS} ORDER BY a.subject, a.person_id, a.position) first ORDER BY position, subject`,
    [...bounds, t.toISOString()],
  );
  return rows.map(factOf);
};

/** The period's objections whose category has content live at T, as objection coverage counts them. */
const covered = async (db: SqlQueryable, bounds: Bounds, t: Date) => {
  const live = await liveCategories(db, t, bounds[2]);
  const rows = await db.query<FactRow>(
    `SELECT ${factColumns('i')} FROM rm_scorecard_facts i
     WHERE i.kind = 'objection-logged' AND i.code = ANY($4::text[]) AND ${inPeriod('i.')}
     ORDER BY i.position, i.subject`,
    [...bounds, live],
  );
  return rows.map(factOf);
};

/** The handoffs of the period in one SLA standing, judged as the scorecard judges them. */
const bySla = async (
  db: SqlQueryable,
  period: Period,
  bounds: Bounds,
  t: Date,
  standing: 'within' | 'breached',
): Promise<EvidenceFact[]> => {
  const [handoffs, goal] = await Promise.all([readHandoffs(db, bounds), readGoal(db, period, bounds[2])]);
  const slaHours = slaHoursOf(goal);
  return handoffs
    .filter((handoff) => slaStanding(handoff, slaHours, t) === standing)
    .map((handoff) => ({
      position: handoff.position,
      subject: handoff.subject,
      occurredAt: handoff.handedOffAt.toISOString(),
      recordedAt: handoff.recordedAt.toISOString(),
      amount: null,
    }));
};

const RULES: Record<
  EvidenceRule,
  (db: SqlQueryable, period: Period, bounds: Bounds, t: Date) => Promise<EvidenceFact[]>
> = {
  within: (db, period, bounds, t) => bySla(db, period, bounds, t, 'within'),
  breached: (db, period, bounds, t) => bySla(db, period, bounds, t, 'breached'),
  overdue: (db, _period, bounds, t) => overdue(db, bounds, t),
  acknowledgements: (db, _period, bounds, t) => acknowledgements(db, bounds, t),
  covered: (db, _period, bounds, t) => covered(db, bounds, t),
};

/** The facts behind one figure of a period's card as the ledger knew it at T. */
export const readScorecardEvidence = async (
  db: SqlQueryable,
  period: Period,
  metric: EvidenceMetric,
  { asOf, now }: AsOf,
): Promise<ScorecardEvidence> => {
  const t = asOf ?? now;
  const bounds: Bounds = [period.start, period.end, knownUpTo(asOf)];
  const rule = EVIDENCE_OF[metric];
  const facts =
    typeof rule === 'string' ? await RULES[rule](db, period, bounds, t) : await selected(db, bounds, rule);
  return { at: t.toISOString(), facts };
};

export const scorecardEvidenceQuery: ReadModelQuery<
  { period: Period; metric: EvidenceMetric },
  ScorecardEvidence
> = {
  reads: [scorecardFactsProjection, contentProjection],
  run: (db, { period, metric }, at) => readScorecardEvidence(db, period, metric, at),
};
