import type { Projection } from '../runner/projection.js';
import { insertRows } from '../shared/insert-rows.js';
import { rowOf } from './scorecard-fact.js';
import { type CountedFact, DAILY_TABLE, addToDailyRollups, createDailyTable } from './scorecard-daily.js';
import { isGroupedKind } from './sections/fact-counts.js';
import { noteFirstAnswers } from './first-answers.js';
import { scorecardEventTypes, scorecardFactsOf } from './scorecard-facts-of.js';

const COLUMNS = [
  'position',
  'kind',
  'subject',
  'occurred_at',
  'recorded_at',
  'person_id',
  'code',
  'amount',
  'flag',
  'roster_size',
  'due_at',
  'detail',
];

/**
 * One row per fact a scorecard counts (see scorecard-fact.ts), so that one
 * grouped scan of a period answers most of the card. Version 2: one meaning
 * per column (a launch's roster size and a goal's currency had borrowed others).
 * Version 3: action items keep their owner and description, blame flags what they are about.
 * Version 4: daily rollups of the counted kinds (scorecard-daily.ts), and each handoff's and action item's
 * earliest answer on its row (first-answers.ts), for as-of cards at scale.
 */
export const scorecardFactsProjection: Projection = {
  name: 'scorecard-facts',
  version: 4,
  tables: ['rm_scorecard_facts', DAILY_TABLE],
  eventTypes: scorecardEventTypes,

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_scorecard_facts')} (
      position bigint NOT NULL,
      kind text NOT NULL,
      subject text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      person_id text,
      code text,
      amount bigint,
      flag boolean,
      roster_size integer,
      due_at timestamptz,
      detail jsonb,
      answered_at timestamptz,
      answer_recorded_at timestamptz,
      PRIMARY KEY (position, kind, subject)
    )`);
    // A period's facts of a kind are a range of this index; the included columns let the
    // sections read them from the index alone (a tenth of the rows of a quarter are of one kind).
    await db.query(
      `CREATE INDEX ON ${t('rm_scorecard_facts')} (kind, occurred_at)
       INCLUDE (recorded_at, code, flag, amount, roster_size, subject, due_at, position, answered_at, answer_recorded_at)`,
    );
    await db.query(`CREATE INDEX ON ${t('rm_scorecard_facts')} (kind, subject)`);
    // The facts recorded on an as-of instant's own day, which its rollups do not hold yet.
    await db.query(`CREATE INDEX ON ${t('rm_scorecard_facts')} (recorded_at)`);
    await createDailyTable(db, t);
  },

  async apply(tx, events, t) {
    const facts = events.flatMap((recorded) =>
      scorecardFactsOf(recorded).map((fact) => ({
        fact,
        row: rowOf(fact),
        recordedAt: recorded.metadata.recordedAt,
        position: recorded.globalPosition,
      })),
    );
    const rows = facts.map(({ fact, row, recordedAt, position }) => [
      position,
      fact.kind,
      fact.subject,
      fact.occurredAt,
      recordedAt,
      row.person_id,
      row.code,
      row.amount,
      row.flag,
      row.roster_size,
      row.due_at,
      row.detail === null ? null : JSON.stringify(row.detail),
    ]);
    const counted: CountedFact[] = facts.flatMap(({ fact, row, recordedAt }) =>
      isGroupedKind(fact.kind)
        ? [
            {
              kind: fact.kind,
              code: row.code,
              flag: row.flag,
              occurredAt: fact.occurredAt,
              recordedAt,
              amount: row.amount,
              rosterSize: row.roster_size,
            },
          ]
        : [],
    );
    await insertRows(tx, t('rm_scorecard_facts'), COLUMNS, rows);
    await addToDailyRollups(tx, t, counted);
    await noteFirstAnswers(
      tx,
      t,
      facts.map(({ fact }) => fact),
    );
  },
};
