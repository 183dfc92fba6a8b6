import { CommandRejected } from './command-rejected.js';

export type Team = 'sales' | 'marketing';

/**
 * Who is on which team when the command is decided. The roster lives in its
 * own stream; the handler reads it and hands the decider this view, as time
 * arrives in the command.
 */
export type RosterLookup = Readonly<Record<string, Team>>;

/** Refuses (422) a person who is on neither team. */
export const requireOnRoster = (roster: RosterLookup, personId: string, field: string): void => {
  // Own properties only: an id such as "constructor" must not find Object.prototype.
  if (!Object.hasOwn(roster, personId)) {
    throw new CommandRejected(
      'rule',
      'person-not-on-roster',
      `${field} ${personId} is not on the team roster`,
      field,
    );
  }
};

/** Refuses (422) a person who is not on the roster, or not on the required team. */
export const requireMember = (roster: RosterLookup, personId: string, team: Team, field: string): void => {
  requireOnRoster(roster, personId, field);
  const actual = roster[personId];
  if (actual !== team) {
    throw new CommandRejected(
      'rule',
      `person-not-in-${team}`,
      `${field} ${personId} is on the ${actual} team, but this must be someone from ${team}`,
      field,
    );
  }
};
