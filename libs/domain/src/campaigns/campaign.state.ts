import type { CampaignEvent } from './campaign.events.js';

export interface CampaignState {
  status: 'none' | 'launched';
}

export const initialCampaignState: CampaignState = { status: 'none' };

export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  switch (event.type) {
    case 'CampaignLaunched':
      return { ...state, status: 'launched' };
  }
};
