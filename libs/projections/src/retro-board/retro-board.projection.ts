import { type RetroEvent, upcastStored } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../runner/projection.js';
import { everyType } from '../shared/fact-map.js';

/**
 * The blame-free retro board, kept as one fact row per retro event with its
 * knowledge time, so the board can be read as of any moment. Version 2: v1
 * kept only the current board (the runner rebuilds from 0 on the bump).
 */
export const retroBoardProjection: Projection = {
  name: 'retro-board',
  version: 2,
  tables: ['rm_retro_facts'],
  eventTypes: everyType<RetroEvent>({
    RetroOpened: true,
    RetroNoteAdded: true,
    RetroClosed: true,
    RetroActionItemCompleted: true,
  }),

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_retro_facts')} (
      position bigint PRIMARY KEY,
      retro_id text NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX ON ${t('rm_retro_facts')} (retro_id, position)`);
  },

  async apply(tx, events, t) {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const rows = events.map((recorded: RecordedEvent) => {
      const event = upcastStored(recorded) as RetroEvent;
      params.push(
        recorded.globalPosition,
        event.data.retroId,
        event.type,
        JSON.stringify(event.data),
        recorded.metadata.occurredAt,
        recorded.metadata.recordedAt,
      );
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await tx.query(
      `INSERT INTO ${t('rm_retro_facts')} (position, retro_id, type, data, occurred_at, recorded_at) VALUES ${rows.join(', ')}`,
      params,
    );
  },
};
