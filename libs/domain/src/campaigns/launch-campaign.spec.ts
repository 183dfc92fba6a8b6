import { given } from '#testing';
import {
  campaignEnded,
  campaignLaunched,
  campaignProposed,
  campaignReviewed,
  launchCampaign,
} from '../../test/campaigns.builders.js';
import { campaignCapability } from './campaign.capability.js';

describe('LaunchCampaign', () => {
  it('given a proposed and reviewed campaign, when launched, then it records the review and the sales roster size', () => {
    given(campaignCapability, [
      campaignProposed(),
      campaignReviewed({ verdict: 'endorse', reasons: 'Clear offer' }),
    ])
      .when(launchCampaign())
      .then([campaignLaunched({ reviewedBySales: true, salesRosterSize: 3 })]);
  });

  it('given a campaign never proposed, when launched, then it is launched all the same, unreviewed', () => {
    given(campaignCapability)
      .when(launchCampaign())
      .then([campaignLaunched({ reviewedBySales: false, salesRosterSize: 3 })]);
  });

  it('given a launched or ended campaign, when launched again, then it is a conflict', () => {
    given(campaignCapability, [campaignLaunched()])
      .when(launchCampaign())
      .thenRejects('conflict', 'campaign-already-launched');
    given(campaignCapability, [campaignLaunched(), campaignEnded()])
      .when(launchCampaign())
      .thenRejects('conflict', 'campaign-already-launched');
  });

  it('given a launcher from sales or off the roster, then 422 names the rule', () => {
    given(campaignCapability)
      .when(launchCampaign({ launchedBy: 'sam' }))
      .thenRejects('rule', 'person-not-in-marketing');
    given(campaignCapability)
      .when(launchCampaign({ launchedBy: 'ghost' }))
      .thenRejects('rule', 'person-not-on-roster');
  });
});
