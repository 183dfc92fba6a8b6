import type { RetroActionItem, RetroColumn, RetroEvent, RetroSubject } from '#domain';
import type { SqlQueryable } from '#event-store';
import type { ReadModelQuery } from '../runner/read-model-query.js';
import { type AsOf, knownUpTo } from '../shared/as-of.js';
import { retroBoardProjection } from './retro-board.projection.js';

interface RetroNoteView {
  noteId: string;
  text: string;
  /** Present only on signed notes: an anonymous note carries no author at all. */
  author?: string;
}

export interface RetroBoardView {
  retroId: string;
  subject: RetroSubject;
  facilitator: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  columns: Record<RetroColumn, RetroNoteView[]>;
  actionItems: (RetroActionItem & { completed: boolean })[];
}

/** The board as the ledger knew it (as of `asOf`, or now); null when the retro was not opened by then. */
export const readRetroBoard = async (
  db: SqlQueryable,
  retroId: string,
  { asOf }: Pick<AsOf, 'asOf'> = {},
): Promise<RetroBoardView | null> => {
  const facts = await db.query<{ type: RetroEvent['type']; data: RetroEvent['data']; occurred_at: Date }>(
    `SELECT type, data, occurred_at FROM rm_retro_facts
     WHERE retro_id = $1 AND recorded_at <= $2::timestamptz ORDER BY position`,
    [retroId, knownUpTo(asOf)],
  );
  let board: RetroBoardView | null = null;
  const completed = new Set<string>();
  for (const fact of facts) {
    const event = { type: fact.type, data: fact.data } as RetroEvent;
    if (event.type === 'RetroOpened') {
      board = {
        retroId,
        subject: event.data.subject,
        facilitator: event.data.facilitator,
        status: 'open',
        openedAt: fact.occurred_at.toISOString(),
        closedAt: null,
        columns: { 'went-well': [], 'to-improve': [], learning: [], kudos: [] },
        actionItems: [],
      };
    } else if (!board) {
      continue;
    } else if (event.type === 'RetroNoteAdded') {
      const { noteId, text, author } = event.data;
      board.columns[event.data.column].push({ noteId, text, ...(author === null ? {} : { author }) });
    } else if (event.type === 'RetroClosed') {
      board.status = 'closed';
      board.closedAt = fact.occurred_at.toISOString();
      board.actionItems = event.data.actionItems.map((item) => ({ ...item, completed: false }));
    } else {
      completed.add(event.data.actionItemId);
    }
  }
  if (board)
    board.actionItems = board.actionItems.map((item) => ({
      ...item,
      completed: completed.has(item.actionItemId),
    }));
  return board;
};

export const retroBoardQuery: ReadModelQuery<{ retroId: string }, RetroBoardView | null> = {
  reads: [retroBoardProjection],
  run: (db, { retroId }, at) => readRetroBoard(db, retroId, at),
};
