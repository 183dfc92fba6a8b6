import { given } from '#testing';
import { contentCapability } from './content.capability.js';
import type { ContentEvent } from './content.events.js';

const roster = { mia: 'marketing', sam: 'sales' } as const;
const publish = {
  type: 'AddressObjection' as const,
  contentId: 'roi-calculator',
  category: 'price',
  title: 'ROI calculator: annual vs monthly',
  url: 'https://example.com/roi',
  publishedBy: 'mia',
  roster,
};
const published: ContentEvent = {
  type: 'ContentPublished',
  data: {
    contentId: 'roi-calculator',
    category: 'price',
    title: 'ROI calculator: annual vs monthly',
    url: 'https://example.com/roi',
    publishedBy: 'mia',
  },
};
const withdraw = {
  type: 'WithdrawContent' as const,
  contentId: 'roi-calculator',
  withdrawnBy: 'mia',
  roster,
};

describe('AddressObjection', () => {
  it('given nothing, when marketing publishes an answer to a category, then ContentPublished', () => {
    given(contentCapability)
      .when(publish)
      .then([
        {
          type: 'ContentPublished',
          data: {
            contentId: 'roi-calculator',
            category: 'price',
            title: 'ROI calculator: annual vs monthly',
            url: 'https://example.com/roi',
            publishedBy: 'mia',
          },
        },
      ]);
  });

  it('given it was published, when published again, then conflict; sales cannot publish', () => {
    given(contentCapability, [published]).when(publish).thenRejects('conflict', 'content-already-published');
    given(contentCapability)
      .when({ ...publish, publishedBy: 'sam' })
      .thenRejects('rule', 'person-not-in-marketing');
  });
});

describe('WithdrawContent', () => {
  it('given live content, when withdrawn, then ContentWithdrawn', () => {
    given(contentCapability, [published])
      .when(withdraw)
      .then([{ type: 'ContentWithdrawn', data: { contentId: 'roi-calculator', withdrawnBy: 'mia' } }]);
  });

  it('given unpublished or withdrawn content, then it is a conflict', () => {
    given(contentCapability).when(withdraw).thenRejects('conflict', 'content-not-published');
    given(contentCapability, [
      published,
      { type: 'ContentWithdrawn', data: { contentId: 'roi-calculator', withdrawnBy: 'mia' } },
    ])
      .when(withdraw)
      .thenRejects('conflict', 'content-already-withdrawn');
  });
});
