import type { Period } from '#domain';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { activeInPeriod } from '../shared/active-in-period.js';
import { retroBoardProjection } from './retro-board.projection.js';
import { type RetroBoardView, readRetroBoard } from './retro-board.query.js';

export const MAX_RETROS_OF_PERIOD = 100;

/** The retros opened, written in or closed in the period (business time), as known at T; latest first. */
export const retrosOfPeriodQuery: ReadModelQuery<{ period: Period }, RetroBoardView[]> = {
  reads: [retroBoardProjection],
  run: async (db, { period }, at) => {
    const table = { table: 'rm_retro_facts', id: 'retro_id', limit: MAX_RETROS_OF_PERIOD };
    const ids = await activeInPeriod(db, table, period, at);
    const boards = await Promise.all(ids.map((id) => readRetroBoard(db, id, at)));
    return boards.filter((board): board is RetroBoardView => board !== null);
  },
};
