import { given } from '#testing';
import {
  acknowledgeBriefing,
  blindsideReported,
  briefingAcknowledged,
  campaignEnded,
  campaignLaunched,
  campaignProposed,
  endCampaign,
  reportBlindside,
} from '../../test/campaigns.builders.js';
import { campaignCapability } from './campaign.capability.js';

describe('AcknowledgeBriefing', () => {
  it('given a launched campaign, when a rep acknowledges, then BriefingAcknowledged', () => {
    given(campaignCapability, [campaignLaunched()])
      .when(acknowledgeBriefing())
      .then([briefingAcknowledged()]);
  });

  it('given the rep already acknowledged, when again, then nothing new and the first event is the precedent', () => {
    const history = [campaignLaunched(), briefingAcknowledged()];
    given(campaignCapability, history).when(acknowledgeBriefing()).then([]);
    expect(campaignCapability.precedent?.(acknowledgeBriefing(), [campaignProposed(), ...history])).toBe(2);
    expect(campaignCapability.precedent?.(acknowledgeBriefing({ acknowledgedBy: 'lee' }), history)).toBe(-1);
  });

  it('given an unknown campaign, then it is a conflict; a marketer cannot acknowledge', () => {
    given(campaignCapability).when(acknowledgeBriefing()).thenRejects('conflict', 'campaign-unknown');
    given(campaignCapability, [campaignLaunched()])
      .when(acknowledgeBriefing({ acknowledgedBy: 'mia' }))
      .thenRejects('rule', 'person-not-in-sales');
  });
});

describe('ReportBlindside', () => {
  it('given any campaign, even one never recorded, when a rep reports, then BlindsideReported', () => {
    given(campaignCapability).when(reportBlindside()).then([blindsideReported()]);
  });

  it('given a marketer as reporter, then 422', () => {
    given(campaignCapability)
      .when(reportBlindside({ reportedBy: 'mia' }))
      .thenRejects('rule', 'person-not-in-sales');
  });
});

describe('EndCampaign', () => {
  it('given a launched campaign, when ended, then CampaignEnded', () => {
    given(campaignCapability, [campaignLaunched()]).when(endCampaign()).then([campaignEnded()]);
  });

  it('given a campaign not launched, or already ended, then it is a conflict', () => {
    given(campaignCapability, [campaignProposed()])
      .when(endCampaign())
      .thenRejects('conflict', 'campaign-not-launched');
    given(campaignCapability, [campaignLaunched(), campaignEnded()])
      .when(endCampaign())
      .thenRejects('conflict', 'campaign-ended');
  });
});
