import type { DomainEvent, SchemaVersions } from '../shared/decider.js';
import type { Team } from '../shared/roster-lookup.js';

export type TeamMemberRegistered = DomainEvent<
  'TeamMemberRegistered',
  {
    personId: string;
    team: Team;
    /**
     * The display name sealed with a key of this person's own, kept outside the
     * log: destroying the key forgets the name without rewriting any event.
     */
    sealedDisplayName: string;
  }
>;

export type TeamMemberRemoved = DomainEvent<'TeamMemberRemoved', { personId: string }>;

export type RosterEvent = TeamMemberRegistered | TeamMemberRemoved;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const rosterSchemaVersions: SchemaVersions<RosterEvent> = {
  TeamMemberRegistered: 1,
  TeamMemberRemoved: 1,
};
