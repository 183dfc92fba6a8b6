import type { LeadEvent } from './lead.events.js';

export interface LeadState {
  status: 'none' | 'handed-off';
  decision: 'none' | 'accepted' | 'rejected';
  followUps: number;
}

export const initialLeadState: LeadState = { status: 'none', decision: 'none', followUps: 0 };

export const evolveLead = (state: LeadState, event: LeadEvent): LeadState => {
  switch (event.type) {
    case 'LeadHandedOff':
      return { ...state, status: 'handed-off' };
    case 'LeadFollowedUp':
      return { ...state, followUps: state.followUps + 1 };
    case 'LeadAccepted':
      return { ...state, decision: 'accepted' };
    case 'LeadRejected':
      return { ...state, decision: 'rejected' };
  }
};
