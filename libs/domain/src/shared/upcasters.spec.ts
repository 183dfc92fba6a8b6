import { upcast } from './upcasters.js';

describe('upcasting stored events', () => {
  it('given a v1 CampaignLaunched, then v2 says it was not reviewed and the roster size is unknown', () => {
    expect(upcast('CampaignLaunched', 1, { campaignId: 'q1', launchedBy: 'mia' })).toEqual({
      type: 'CampaignLaunched',
      data: { campaignId: 'q1', launchedBy: 'mia', reviewedBySales: false, salesRosterSize: null },
    });
  });

  it('given a v1 ObjectionLogged, then it is unflagged', () => {
    expect(upcast('ObjectionLogged', 1, { objectionId: 'o1' })).toEqual({
      type: 'ObjectionLogged',
      data: { objectionId: 'o1', blameFlag: false },
    });
  });

  it('given a current version, then the data is untouched', () => {
    const data = { campaignId: 'q1', reviewedBySales: true, salesRosterSize: 4 };
    expect(upcast('CampaignLaunched', 2, data)).toEqual({ type: 'CampaignLaunched', data });
  });
});
