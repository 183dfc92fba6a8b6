import type { LeadEvent } from './lead.events.js';

export interface LeadState {
  status: 'none' | 'handed-off';
  decision: 'none' | 'accepted' | 'rejected';
}

export const initialLeadState: LeadState = { status: 'none', decision: 'none' };

export const evolveLead = (state: LeadState, event: LeadEvent): LeadState => {
  switch (event.type) {
    case 'LeadHandedOff':
      return { ...state, status: 'handed-off' };
    case 'LeadFollowedUp':
      return state;
    case 'LeadAccepted':
      return { ...state, decision: 'accepted' };
    case 'LeadRejected':
      return { ...state, decision: 'rejected' };
  }
};
