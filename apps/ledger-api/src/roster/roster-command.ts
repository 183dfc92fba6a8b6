import type { RosterCommand } from '#domain';
import { CapabilityCommand } from '../commands/capability-command.js';

/** A roster command whose display name is still plaintext: the handler seals it. */
export type RosterRequest =
  | { type: 'RegisterTeamMember'; personId: string; team: 'sales' | 'marketing'; displayName: string }
  | Extract<RosterCommand, { type: 'RemoveTeamMember' }>;

export class RosterCommandMessage extends CapabilityCommand<RosterRequest> {}
