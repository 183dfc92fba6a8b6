import { CommandRejected } from '../shared/command-rejected.js';
import type { LeadState } from './lead.state.js';

/** Follow-ups and decisions need a lead that marketing has handed off. */
export const requireHandedOff = (state: LeadState, leadId: string): void => {
  if (state.status !== 'handed-off') {
    throw new CommandRejected(
      'conflict',
      'lead-not-handed-off',
      `lead ${leadId} has not been handed off to sales`,
    );
  }
};

/** A lead is accepted or rejected once. */
export const requireUndecided = (state: LeadState, leadId: string): void => {
  if (state.decision !== 'none') {
    throw new CommandRejected(
      'conflict',
      'lead-already-decided',
      `lead ${leadId} was already ${state.decision}`,
    );
  }
};
