import { given } from '#testing';
import { campaignDecider } from './campaign.decider.js';
import type { LaunchCampaign } from './launch-campaign.js';

const launch: LaunchCampaign = {
  type: 'LaunchCampaign',
  campaignId: 'q3-upsell',
  name: 'Q3 upsell',
  offer: '20% off annual plans',
  channels: ['email', 'webinar'],
  audience: 'mid-market customers on monthly plans',
  talkingPoints: ['save two months', 'price locked for a year'],
  launchedBy: 'person-mia',
};

describe('LaunchCampaign', () => {
  it('given no history, when launched, then CampaignLaunched carries the brief', () => {
    given(campaignDecider)
      .when(launch)
      .then([
        {
          type: 'CampaignLaunched',
          data: {
            campaignId: 'q3-upsell',
            name: 'Q3 upsell',
            offer: '20% off annual plans',
            channels: ['email', 'webinar'],
            audience: 'mid-market customers on monthly plans',
            talkingPoints: ['save two months', 'price locked for a year'],
            launchedBy: 'person-mia',
          },
        },
      ]);
  });

  it('given a launched campaign, when launched again, then it is a conflict', () => {
    const [launched] = campaignDecider.decide(launch, campaignDecider.initialState);
    given(campaignDecider, [launched])
      .when({ ...launch, name: 'Q3 upsell, take two' })
      .thenRejects('conflict', 'campaign-already-launched');
  });
});
