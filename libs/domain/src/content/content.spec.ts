import { given } from '#testing';
import { contentDecider } from './content.decider.js';
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
    given(contentDecider)
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
    given(contentDecider, [published]).when(publish).thenRejects('conflict', 'content-already-published');
    given(contentDecider)
      .when({ ...publish, publishedBy: 'sam' })
      .thenRejects('rule', 'person-not-in-marketing');
  });
});

describe('WithdrawContent', () => {
  it('given live content, when withdrawn, then ContentWithdrawn', () => {
    given(contentDecider, [published])
      .when(withdraw)
      .then([{ type: 'ContentWithdrawn', data: { contentId: 'roi-calculator', withdrawnBy: 'mia' } }]);
  });

  it('given unpublished or withdrawn content, then it is a conflict', () => {
    given(contentDecider).when(withdraw).thenRejects('conflict', 'content-not-published');
    given(contentDecider, [
      published,
      { type: 'ContentWithdrawn', data: { contentId: 'roi-calculator', withdrawnBy: 'mia' } },
    ])
      .when(withdraw)
      .thenRejects('conflict', 'content-already-withdrawn');
  });
});
