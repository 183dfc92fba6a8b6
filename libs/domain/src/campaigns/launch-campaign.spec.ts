import { given } from '#testing';
import { campaignCapability } from './campaign.capability.js';
import { brief, ended, launched, proposed, reviewed, roster } from './campaign.fixtures.js';

const launch = { type: 'LaunchCampaign' as const, campaignId: 'q3', ...brief, launchedBy: 'mia', roster };

describe('LaunchCampaign', () => {
  it('given a proposed and reviewed campaign, when launched, then it records the review and the sales roster size', () => {
    given(campaignCapability, [proposed, reviewed])
      .when(launch)
      .then([
        {
          type: 'CampaignLaunched',
          data: {
            campaignId: 'q3',
            name: 'Q3 upsell',
            offer: '20% off annual plans',
            channels: ['email', 'webinar'],
            audience: 'mid-market customers on monthly plans',
            talkingPoints: ['save two months', 'price locked for a year'],
            launchedBy: 'mia',
            reviewedBySales: true,
            salesRosterSize: 3,
          },
        },
      ]);
  });

  it('given a campaign never proposed, when launched, then it is launched all the same, unreviewed', () => {
    given(campaignCapability)
      .when(launch)
      .then([
        {
          type: 'CampaignLaunched',
          data: { campaignId: 'q3', ...brief, launchedBy: 'mia', reviewedBySales: false, salesRosterSize: 3 },
        },
      ]);
  });

  it('given a launched or ended campaign, when launched again, then it is a conflict', () => {
    given(campaignCapability, [launched]).when(launch).thenRejects('conflict', 'campaign-already-launched');
    given(campaignCapability, [launched, ended])
      .when(launch)
      .thenRejects('conflict', 'campaign-already-launched');
  });

  it('given a launcher from sales or off the roster, then 422 names the rule', () => {
    given(campaignCapability)
      .when({ ...launch, launchedBy: 'sam' })
      .thenRejects('rule', 'person-not-in-marketing');
    given(campaignCapability)
      .when({ ...launch, launchedBy: 'ghost' })
      .thenRejects('rule', 'person-not-on-roster');
  });
});
