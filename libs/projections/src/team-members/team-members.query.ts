import type { ReadModelQuery } from '../runner/read-model-query.js';
import { teamMembersProjection } from './team-members.projection.js';

export interface TeamMemberRow {
  personId: string;
  team: 'sales' | 'marketing';
  onRosterSince: string;
  removedAt: string | null;
  forgottenAt: string | null;
  /** Sealed with the person's key (see PersonalDataVault); null once forgotten. */
  sealedDisplayName: string | null;
}

interface Row {
  person_id: string;
  team: 'sales' | 'marketing';
  on_roster_since: Date;
  removed_at: Date | null;
  forgotten_at: Date | null;
  sealed_display_name: string | null;
}

/** Everyone ever on the roster, by person id. */
export const teamMembersQuery: ReadModelQuery<Record<string, never>, TeamMemberRow[]> = {
  reads: [teamMembersProjection],
  async run(db) {
    const rows = await db.query<Row>(
      `SELECT person_id, team, on_roster_since, removed_at, forgotten_at, sealed_display_name
       FROM rm_team_members ORDER BY person_id`,
    );
    return rows.map((row) => ({
      personId: row.person_id,
      team: row.team,
      onRosterSince: row.on_roster_since.toISOString(),
      removedAt: row.removed_at?.toISOString() ?? null,
      forgottenAt: row.forgotten_at?.toISOString() ?? null,
      sealedDisplayName: row.sealed_display_name,
    }));
  },
};
