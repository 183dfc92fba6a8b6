import type { CampaignEvent } from './campaign.events.js';

export interface CampaignState {
  status: 'none' | 'proposed' | 'launched' | 'ended';
  /** A sales review was recorded while the campaign was not yet launched. */
  reviewedBySales: boolean;
  acknowledgedBy: readonly string[];
}

export const initialCampaignState: CampaignState = {
  status: 'none',
  reviewedBySales: false,
  acknowledgedBy: [],
};

export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  switch (event.type) {
    case 'CampaignProposed':
      return { ...state, status: 'proposed' };
    case 'CampaignReviewed':
      return { ...state, reviewedBySales: true };
    case 'CampaignLaunched':
      return { ...state, status: 'launched' };
    case 'BriefingAcknowledged':
      return { ...state, acknowledgedBy: [...state.acknowledgedBy, event.data.acknowledgedBy] };
    case 'CampaignEnded':
      return { ...state, status: 'ended' };
    case 'BlindsideReported':
      return state;
  }
};
