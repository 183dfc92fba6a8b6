import { type RosterEvent, upcastStored } from '#domain';
import type { RecordedEvent, SqlQueryable } from '#event-store';
import type { Projection, TableName } from '../runner/projection.js';
import { everyType } from '../shared/fact-map.js';

/**
 * Everyone ever on the roster: team, since when (business time of the latest
 * registration), when removed, when forgotten. The display name is kept
 * sealed, as in the log, and dropped when the person is forgotten.
 */
export const teamMembersProjection: Projection = {
  name: 'team-members',
  version: 1,
  tables: ['rm_team_members'],
  eventTypes: everyType<RosterEvent>({
    TeamMemberRegistered: true,
    TeamMemberRemoved: true,
    TeamMemberForgotten: true,
  }),

  async createTables(db, t) {
    await db.query(`CREATE TABLE ${t('rm_team_members')} (
      person_id text PRIMARY KEY,
      team text NOT NULL,
      on_roster_since timestamptz NOT NULL,
      removed_at timestamptz,
      forgotten_at timestamptz,
      sealed_display_name text
    )`);
  },

  // A person's events change one row in order (register, remove, register again), so they go one by one.
  async apply(tx, events, t) {
    for (const event of events) await applyRosterEvent(tx, event, t);
  },
};

const applyRosterEvent = async (tx: SqlQueryable, recorded: RecordedEvent, t: TableName): Promise<void> => {
  const event = upcastStored(recorded) as RosterEvent;
  const { occurredAt } = recorded.metadata;
  switch (event.type) {
    case 'TeamMemberRegistered':
      await tx.query(
        `INSERT INTO ${t('rm_team_members')} (person_id, team, on_roster_since, sealed_display_name)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id) DO UPDATE SET team = $2, on_roster_since = $3, removed_at = NULL,
           sealed_display_name = $4`,
        [event.data.personId, event.data.team, occurredAt, event.data.sealedDisplayName],
      );
      return;
    case 'TeamMemberRemoved':
      await tx.query(`UPDATE ${t('rm_team_members')} SET removed_at = $2 WHERE person_id = $1`, [
        event.data.personId,
        occurredAt,
      ]);
      return;
    case 'TeamMemberForgotten':
      await tx.query(
        `UPDATE ${t('rm_team_members')}
         SET forgotten_at = $2, removed_at = coalesce(removed_at, $2), sealed_display_name = NULL
         WHERE person_id = $1`,
        [event.data.personId, occurredAt],
      );
      return;
  }
};
