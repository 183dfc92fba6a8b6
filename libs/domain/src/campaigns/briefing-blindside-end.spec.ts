import { given } from '#testing';
import { campaignCapability } from './campaign.capability.js';
import type { CampaignEvent } from './campaign.events.js';
import { ended, launched, proposed, roster } from './campaign.fixtures.js';

const acknowledge = { type: 'AcknowledgeBriefing' as const, campaignId: 'q3', acknowledgedBy: 'ana', roster };
const acknowledged: CampaignEvent = {
  type: 'BriefingAcknowledged',
  data: { campaignId: 'q3', acknowledgedBy: 'ana' },
};

describe('AcknowledgeBriefing', () => {
  it('given a launched campaign, when a rep acknowledges, then BriefingAcknowledged', () => {
    given(campaignCapability, [launched])
      .when(acknowledge)
      .then([{ type: 'BriefingAcknowledged', data: { campaignId: 'q3', acknowledgedBy: 'ana' } }]);
  });

  it('given the rep already acknowledged, when again, then nothing new and the first event is the precedent', () => {
    given(campaignCapability, [launched, acknowledged]).when(acknowledge).then([]);
    expect(campaignCapability.precedent?.(acknowledge, [proposed, launched, acknowledged])).toBe(2);
    expect(
      campaignCapability.precedent?.({ ...acknowledge, acknowledgedBy: 'lee' }, [launched, acknowledged]),
    ).toBe(-1);
  });

  it('given an unknown campaign, then it is a conflict; a marketer cannot acknowledge', () => {
    given(campaignCapability).when(acknowledge).thenRejects('conflict', 'campaign-unknown');
    given(campaignCapability, [launched])
      .when({ ...acknowledge, acknowledgedBy: 'mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });
});

describe('ReportBlindside', () => {
  const report = {
    type: 'ReportBlindside' as const,
    campaignId: 'q3',
    reportedBy: 'sam',
    customerReference: 'acme-corp',
    note: 'Customer asked about the 20% offer before I had seen it',
    roster,
  };

  it('given any campaign, even one never recorded, when a rep reports, then BlindsideReported', () => {
    given(campaignCapability)
      .when(report)
      .then([
        {
          type: 'BlindsideReported',
          data: {
            campaignId: 'q3',
            reportedBy: 'sam',
            customerReference: 'acme-corp',
            note: 'Customer asked about the 20% offer before I had seen it',
            blameFlag: false,
          },
        },
      ]);
  });

  it('given a marketer as reporter, then 422', () => {
    given(campaignCapability)
      .when({ ...report, reportedBy: 'mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });
});

describe('EndCampaign', () => {
  const end = { type: 'EndCampaign' as const, campaignId: 'q3', endedBy: 'mia', roster };

  it('given a launched campaign, when ended, then CampaignEnded', () => {
    given(campaignCapability, [launched])
      .when(end)
      .then([{ type: 'CampaignEnded', data: { campaignId: 'q3', endedBy: 'mia' } }]);
  });

  it('given a campaign not launched, or already ended, then it is a conflict', () => {
    given(campaignCapability, [proposed]).when(end).thenRejects('conflict', 'campaign-not-launched');
    given(campaignCapability, [launched, ended]).when(end).thenRejects('conflict', 'campaign-ended');
  });
});
