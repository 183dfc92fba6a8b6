import type { Period } from '#domain';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { knownUpTo } from '../shared/as-of.js';
import { retroBoardProjection } from './retro-board.projection.js';
import { type RetroBoardView, readRetroBoard } from './retro-board.query.js';

export const MAX_RETROS_OF_PERIOD = 100;

/** The retros opened, written in or closed in the period (business time), as known at T; latest first. */
export const retrosOfPeriodQuery: ReadModelQuery<{ period: Period }, RetroBoardView[]> = {
  reads: [retroBoardProjection],
  run: async (db, { period }, at) => {
    const ids = await db.query<{ retro_id: string }>(
      `SELECT retro_id FROM rm_retro_facts
       WHERE occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz AND recorded_at <= $3::timestamptz
       GROUP BY retro_id ORDER BY max(occurred_at) DESC, retro_id LIMIT ${MAX_RETROS_OF_PERIOD}`,
      [period.start, period.end, knownUpTo(at.asOf)],
    );
    const boards = await Promise.all(ids.map(({ retro_id }) => readRetroBoard(db, retro_id, at)));
    return boards.filter((board): board is RetroBoardView => board !== null);
  },
};
