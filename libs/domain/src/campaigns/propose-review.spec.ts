import { given } from '#testing';
import {
  campaignLaunched,
  campaignProposed,
  campaignReviewed,
  proposeCampaign,
  reviewCampaign,
} from '../../test/campaigns.builders.js';
import { campaignCapability } from './campaign.capability.js';

describe('ProposeCampaign', () => {
  it('given nothing, when marketing proposes, then CampaignProposed shares the draft', () => {
    given(campaignCapability).when(proposeCampaign()).then([campaignProposed()]);
  });

  it('given a proposal, when proposed again, then it is a conflict; after launch too', () => {
    given(campaignCapability, [campaignProposed()])
      .when(proposeCampaign())
      .thenRejects('conflict', 'campaign-already-proposed');
    given(campaignCapability, [campaignLaunched()])
      .when(proposeCampaign())
      .thenRejects('conflict', 'campaign-already-launched');
  });

  it('given a proposer from sales, then 422', () => {
    given(campaignCapability)
      .when(proposeCampaign({ proposedBy: 'sam' }))
      .thenRejects('rule', 'person-not-in-marketing');
  });
});

describe('ReviewCampaign', () => {
  it('given a proposal, when a sales rep voices concerns, then CampaignReviewed records the verdict unflagged', () => {
    given(campaignCapability, [campaignProposed()]).when(reviewCampaign()).then([campaignReviewed()]);
  });

  it('given blaming reasons, then the review is accepted with a blame flag', () => {
    const reasons = 'Marketing never listens to sales, as usual';
    given(campaignCapability, [campaignProposed()])
      .when(reviewCampaign({ reasons }))
      .then([campaignReviewed({ reasons, blameFlag: true })]);
  });

  it('given no proposal, or a launched campaign, then it is a conflict', () => {
    given(campaignCapability).when(reviewCampaign()).thenRejects('conflict', 'campaign-not-proposed');
    given(campaignCapability, [campaignProposed(), campaignLaunched()])
      .when(reviewCampaign())
      .thenRejects('conflict', 'campaign-already-launched');
  });

  it('given a reviewer from marketing, then 422: the stink test is sales’ call', () => {
    given(campaignCapability, [campaignProposed()])
      .when(reviewCampaign({ reviewedBy: 'mia' }))
      .thenRejects('rule', 'person-not-in-sales');
  });
});
