import type { contentCapability, ContentPublished, ContentWithdrawn } from '../src/index.js';
import { type CommandOf, builders } from './builders.js';

type Command<Type extends string> = CommandOf<typeof contentCapability, Type>;

const roster = { mia: 'marketing', sam: 'sales' } as const;

const contentId = 'roi-calculator';

const publication: ContentPublished['data'] = {
  contentId,
  category: 'price',
  title: 'ROI calculator: annual vs monthly',
  url: 'https://example.com/roi',
  publishedBy: 'mia',
};
export const [addressObjection, contentPublished] = builders<Command<'AddressObjection'>, ContentPublished>(
  { type: 'AddressObjection', ...publication, roster },
  { type: 'ContentPublished', data: publication },
);

const withdrawal = { contentId, withdrawnBy: 'mia' };
export const [withdrawContent, contentWithdrawn] = builders<Command<'WithdrawContent'>, ContentWithdrawn>(
  { type: 'WithdrawContent', ...withdrawal, roster },
  { type: 'ContentWithdrawn', data: withdrawal },
);
