import { given } from '#testing';
import { dealRecorded, lostDeal, recordDeal } from '../../test/deals.builders.js';
import { dealCapability } from './deal.capability.js';
import type { RecordDeal } from './record-deal.js';

describe('RecordDeal', () => {
  it('given no history, when a won deal is recorded, then DealRecorded carries it without ledgerCurrency or roster', () => {
    given(dealCapability).when(recordDeal()).then([dealRecorded()]);
  });

  it('given no history, when a lost deal with a factual loss reason is recorded, then it is not flagged', () => {
    given(dealCapability)
      .when(recordDeal(lostDeal))
      .then([dealRecorded({ ...lostDeal, blameFlag: false })]);
  });

  it('given no history, when the loss reason blames marketing, then DealRecorded carries the blame flag', () => {
    const lossReason = 'Thanks to marketing we lost the Globex deal.';
    given(dealCapability)
      .when(recordDeal({ ...lostDeal, lossReason }))
      .then([dealRecorded({ ...lostDeal, lossReason, blameFlag: true })]);
  });

  it('given no history, when a lost deal of amount 0 with no reason and a closing time with an offset is recorded, then closedAt is in UTC', () => {
    const zeroLoss = { ...lostDeal, amount: 0, lossReason: null };
    given(dealCapability)
      .when(recordDeal({ ...zeroLoss, closedAt: '2026-03-20T10:00:00+01:00' }))
      .then([dealRecorded({ ...zeroLoss, closedAt: '2026-03-20T09:00:00.000Z' })]);
  });

  it('given the deal was recorded, when the same deal is recorded again, then nothing new happens', () => {
    given(dealCapability, [dealRecorded()]).when(recordDeal()).then([]);
  });

  it('given the deal was recorded, when the same deal is retried with closedAt in another offset, then nothing new happens', () => {
    given(dealCapability, [dealRecorded()])
      .when(recordDeal({ closedAt: '2026-03-12T17:45:00+01:00' }))
      .then([]);
  });

  it.each<[string, Partial<RecordDeal>]>([
    [
      'given the deal was recorded, when it is recorded with a different amount, then it is a conflict',
      { amount: 5_000_000 },
    ],
    [
      'given the deal was recorded, when it is recorded with its campaigns in another order, then it is a conflict',
      { campaignIds: ['spring-webinar', 'q3-upsell'] },
    ],
  ])('%s', (_title, overrides) => {
    given(dealCapability, [dealRecorded()])
      .when(recordDeal(overrides))
      .thenRejects('conflict', 'deal-already-recorded');
  });

  it.each<[string, Partial<RecordDeal>, string]>([
    [
      'when the currency is not the ledger currency, then it is refused',
      { currency: 'USD' },
      'currency-mismatch',
    ],
    [
      'when a won deal has a loss reason, then it is refused',
      { lossReason: 'We lost the Globex deal on price.' },
      'loss-reason-on-won-deal',
    ],
    ['when the amount is negative, then it is refused', { amount: -100 }, 'invalid-amount'],
    [
      'when the amount has a fraction of a minor unit, then it is refused',
      { amount: 48_000.5 },
      'invalid-amount',
    ],
    [
      'when closedAt is not an instant with a zone, then it is refused',
      { closedAt: '2026-03-12' },
      'invalid-closed-at',
    ],
    [
      'when the owner is from marketing, then it breaks the rule that a sales rep owns the deal',
      { owner: 'person-mia' },
      'person-not-in-sales',
    ],
    [
      'when the owner is not on the roster, then it is refused',
      { owner: 'person-left-in-january' },
      'person-not-on-roster',
    ],
  ])('%s', (_title, overrides, code) => {
    given(dealCapability).when(recordDeal(overrides)).thenRejects('rule', code);
  });

  it('names the offending field', () => {
    const rejects = (overrides: Partial<RecordDeal>, code: string, field: string) =>
      given(dealCapability).when(recordDeal(overrides)).thenRejects('rule', code, field);
    rejects({ currency: 'USD' }, 'currency-mismatch', 'currency');
    rejects({ lossReason: 'Budget moved to Q4.' }, 'loss-reason-on-won-deal', 'lossReason');
    rejects({ amount: -1 }, 'invalid-amount', 'amount');
  });
});
