import { given } from '#testing';
import { campaignCapability } from './campaign.capability.js';
import { brief, launched, proposed, roster } from './campaign.fixtures.js';

const propose = {
  type: 'ProposeCampaign' as const,
  campaignId: 'q3',
  ...brief,
  plannedLaunchDate: '2026-07-01',
  proposedBy: 'mia',
  roster,
};
const review = {
  type: 'ReviewCampaign' as const,
  campaignId: 'q3',
  reviewedBy: 'sam',
  verdict: 'concerns' as const,
  reasons: 'The discount undercuts our renewal pricing',
  roster,
};

describe('ProposeCampaign', () => {
  it('given nothing, when marketing proposes, then CampaignProposed shares the draft', () => {
    given(campaignCapability)
      .when(propose)
      .then([
        {
          type: 'CampaignProposed',
          data: { campaignId: 'q3', ...brief, plannedLaunchDate: '2026-07-01', proposedBy: 'mia' },
        },
      ]);
  });

  it('given a proposal, when proposed again, then it is a conflict; after launch too', () => {
    given(campaignCapability, [proposed]).when(propose).thenRejects('conflict', 'campaign-already-proposed');
    given(campaignCapability, [launched]).when(propose).thenRejects('conflict', 'campaign-already-launched');
  });

  it('given a proposer from sales, then 422', () => {
    given(campaignCapability)
      .when({ ...propose, proposedBy: 'sam' })
      .thenRejects('rule', 'person-not-in-marketing');
  });
});

describe('ReviewCampaign', () => {
  it('given a proposal, when a sales rep voices concerns, then CampaignReviewed records the verdict unflagged', () => {
    given(campaignCapability, [proposed])
      .when(review)
      .then([
        {
          type: 'CampaignReviewed',
          data: {
            campaignId: 'q3',
            reviewedBy: 'sam',
            verdict: 'concerns',
            reasons: 'The discount undercuts our renewal pricing',
            blameFlag: false,
          },
        },
      ]);
  });

  it('given blaming reasons, then the review is accepted with a blame flag', () => {
    given(campaignCapability, [proposed])
      .when({ ...review, reasons: 'Marketing never listens to sales, as usual' })
      .then([
        {
          type: 'CampaignReviewed',
          data: {
            campaignId: 'q3',
            reviewedBy: 'sam',
            verdict: 'concerns',
            reasons: 'Marketing never listens to sales, as usual',
            blameFlag: true,
          },
        },
      ]);
  });

  it('given no proposal, or a launched campaign, then it is a conflict', () => {
    given(campaignCapability).when(review).thenRejects('conflict', 'campaign-not-proposed');
    given(campaignCapability, [proposed, launched])
      .when(review)
      .thenRejects('conflict', 'campaign-already-launched');
  });

  it('given a reviewer from marketing, then 422: the stink test is sales’ call', () => {
    given(campaignCapability, [proposed])
      .when({ ...review, reviewedBy: 'mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });
});
