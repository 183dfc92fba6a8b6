import type { RetroActionItem, RetroColumn, RetroSubject } from '#domain';
import type { SqlQueryable } from '#event-store';

export interface RetroNoteView {
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

export const readRetroBoard = async (db: SqlQueryable, retroId: string): Promise<RetroBoardView | null> => {
  const [board] = await db.query<{
    subject: RetroSubject;
    facilitator: string;
    status: 'open' | 'closed';
    action_items: RetroActionItem[];
    completed_items: string[];
    opened_at: Date;
    closed_at: Date | null;
  }>('SELECT * FROM rm_retro_boards WHERE retro_id = $1', [retroId]);
  if (!board) return null;
  const notes = await db.query<{
    note_id: string;
    note_column: RetroColumn;
    text: string;
    author: string | null;
  }>('SELECT note_id, note_column, text, author FROM rm_retro_notes WHERE retro_id = $1 ORDER BY position', [
    retroId,
  ]);
  const columns: Record<RetroColumn, RetroNoteView[]> = {
    'went-well': [],
    'to-improve': [],
    learning: [],
    kudos: [],
  };
  for (const note of notes) {
    columns[note.note_column].push({
      noteId: note.note_id,
      text: note.text,
      ...(note.author === null ? {} : { author: note.author }),
    });
  }
  return {
    retroId,
    subject: board.subject,
    facilitator: board.facilitator,
    status: board.status,
    openedAt: board.opened_at.toISOString(),
    closedAt: board.closed_at?.toISOString() ?? null,
    columns,
    actionItems: board.action_items.map((item) => ({
      ...item,
      completed: board.completed_items.includes(item.actionItemId),
    })),
  };
};
