import { CommandRejected } from './command-rejected.js';
import { type RosterLookup, type Team, requireMember } from './roster-lookup.js';

/** Someone who was there, and the team they were there for. */
export interface Attendee {
  personId: string;
  team: Team;
}

/**
 * At least one attendee, nobody twice, each on the roster in the team given.
 * Returns the attendees as the event records them (nothing but id and team).
 */
export const requireAttendees = (roster: RosterLookup, attendees: readonly Attendee[]): Attendee[] => {
  if (attendees.length === 0) {
    throw new CommandRejected('rule', 'no-attendees', 'at least one attendee is required', 'attendees');
  }
  const seen = new Set<string>();
  attendees.forEach(({ personId, team }, index) => {
    const field = `attendees[${index}].personId`;
    if (seen.has(personId)) {
      throw new CommandRejected('rule', 'duplicate-attendee', `${field} ${personId} is listed twice`, field);
    }
    seen.add(personId);
    requireMember(roster, personId, team, field);
  });
  return attendees.map(({ personId, team }) => ({ personId, team }));
};

/** Joint: at least one attendee from each team. */
export const isJoint = (attendees: readonly Attendee[]): boolean =>
  attendees.some((a) => a.team === 'sales') && attendees.some((a) => a.team === 'marketing');
