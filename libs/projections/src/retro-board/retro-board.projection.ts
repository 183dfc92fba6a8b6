import type { RetroEvent } from '#domain';
import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { Projection, TableName } from '../runner/projection.js';

/** The blame-free retro board: notes by column, action items and their completion. */
export const retroBoardProjection: Projection = {
  name: 'retro-board',
  version: 1,
  tables: ['rm_retro_boards', 'rm_retro_notes'],
  eventTypes: ['RetroOpened', 'RetroNoteAdded', 'RetroClosed', 'RetroActionItemCompleted'],

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_retro_boards')} (
      retro_id text PRIMARY KEY,
      subject jsonb NOT NULL,
      facilitator text NOT NULL,
      status text NOT NULL,
      action_items jsonb NOT NULL DEFAULT '[]',
      completed_items jsonb NOT NULL DEFAULT '[]',
      opened_at timestamptz NOT NULL,
      closed_at timestamptz
    )`);
    await db.query(`CREATE TABLE ${t('rm_retro_notes')} (
      retro_id text NOT NULL,
      note_id text NOT NULL,
      note_column text NOT NULL,
      text text NOT NULL,
      author text,
      position bigint NOT NULL,
      PRIMARY KEY (retro_id, note_id)
    )`);
  },

  async apply(tx, events, t) {
    for (const event of events) await applyOne(tx, event, t);
  },
};

const applyOne = async (tx: SqlQueryable, recorded: RecordedEvent, t: TableName): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as RetroEvent;
  const occurredAt = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'RetroOpened':
      await tx.query(
        `INSERT INTO ${t('rm_retro_boards')} (retro_id, subject, facilitator, status, opened_at) VALUES ($1, $2, $3, 'open', $4)`,
        [event.data.retroId, JSON.stringify(event.data.subject), event.data.facilitator, occurredAt],
      );
      return;
    case 'RetroNoteAdded':
      await tx.query(
        `INSERT INTO ${t('rm_retro_notes')} (retro_id, note_id, note_column, text, author, position) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          event.data.retroId,
          event.data.noteId,
          event.data.column,
          event.data.text,
          event.data.author,
          recorded.globalPosition,
        ],
      );
      return;
    case 'RetroClosed':
      await tx.query(
        `UPDATE ${t('rm_retro_boards')} SET status = 'closed', action_items = $2, closed_at = $3 WHERE retro_id = $1`,
        [event.data.retroId, JSON.stringify(event.data.actionItems), occurredAt],
      );
      return;
    case 'RetroActionItemCompleted':
      await tx.query(
        `UPDATE ${t('rm_retro_boards')} SET completed_items = completed_items || jsonb_build_array($2::text) WHERE retro_id = $1`,
        [event.data.retroId, event.data.actionItemId],
      );
      return;
  }
};
