import type { dealCapability, DealRecorded } from '../src/index.js';
import { type CommandOf, builders } from './builders.js';
import { roster } from './roster.builders.js';

type Command<Type extends string> = CommandOf<typeof dealCapability, Type>;

/** Sam's Acme renewal, won on the back of two campaigns. */
const won: Omit<DealRecorded['data'], 'blameFlag'> = {
  dealId: 'acme-renewal-2026',
  outcome: 'won',
  amount: 4_800_000,
  currency: 'EUR',
  closedAt: '2026-03-12T16:45:00.000Z',
  owner: 'person-sam',
  leadId: 'lead-acme-cfo',
  campaignIds: ['q3-upsell', 'spring-webinar'],
  objectionCategories: ['price'],
  lossReason: null,
};

/** Lena's Globex pilot, lost to a competitor; what it shares with the won deal is taken from it. */
export const lostDeal: Partial<Omit<DealRecorded['data'], 'blameFlag'>> = {
  dealId: 'globex-pilot',
  outcome: 'lost',
  amount: 1_250_000,
  closedAt: '2026-03-20T09:00:00.000Z',
  owner: 'person-lena',
  leadId: null,
  campaignIds: [],
  objectionCategories: ['competitor', 'integration'],
  lossReason: 'We lost the deal to a competitor with a cheaper entry tier.',
};

export const [recordDeal, dealRecorded] = builders<Command<'RecordDeal'>, DealRecorded>(
  { type: 'RecordDeal', ...won, ledgerCurrency: 'EUR', roster },
  { type: 'DealRecorded', data: { ...won, blameFlag: false } },
);
