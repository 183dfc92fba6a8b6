import { given } from '#testing';
import {
  addressObjection,
  contentPublished,
  contentWithdrawn,
  withdrawContent,
} from '../../test/content.builders.js';
import { contentCapability } from './content.capability.js';

describe('AddressObjection', () => {
  it('given nothing, when marketing publishes an answer to a category, then ContentPublished', () => {
    given(contentCapability).when(addressObjection()).then([contentPublished()]);
  });

  it('given it was published, when published again, then conflict; sales cannot publish', () => {
    given(contentCapability, [contentPublished()])
      .when(addressObjection())
      .thenRejects('conflict', 'content-already-published');
    given(contentCapability)
      .when(addressObjection({ publishedBy: 'sam' }))
      .thenRejects('rule', 'person-not-in-marketing');
  });
});

describe('WithdrawContent', () => {
  it('given live content, when withdrawn, then ContentWithdrawn', () => {
    given(contentCapability, [contentPublished()]).when(withdrawContent()).then([contentWithdrawn()]);
  });

  it('given unpublished or withdrawn content, then it is a conflict', () => {
    given(contentCapability).when(withdrawContent()).thenRejects('conflict', 'content-not-published');
    given(contentCapability, [contentPublished(), contentWithdrawn()])
      .when(withdrawContent())
      .thenRejects('conflict', 'content-already-withdrawn');
  });
});
