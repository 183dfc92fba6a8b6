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

/**
 * The person's personal data was erased: their sealing key is destroyed, so
 * every name sealed for them is unreadable, and they leave the roster. The id
 * stays in the history (it is what the facts name) and is never registered again.
 */
export type TeamMemberForgotten = DomainEvent<'TeamMemberForgotten', { personId: string }>;

export type RosterEvent = TeamMemberRegistered | TeamMemberRemoved | TeamMemberForgotten;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const rosterSchemaVersions: SchemaVersions<RosterEvent> = {
  TeamMemberRegistered: 1,
  TeamMemberRemoved: 1,
  TeamMemberForgotten: 1,
};
