import { given } from '#testing';
import type { RosterLookup } from '../shared/roster-lookup.js';
import { dealCapability } from './deal.capability.js';
import type { DealRecorded } from './deal.events.js';
import type { RecordDeal } from './record-deal.js';

const roster: RosterLookup = { 'person-mia': 'marketing', 'person-sam': 'sales', 'person-lena': 'sales' };

const won: RecordDeal = {
  type: 'RecordDeal',
  dealId: 'acme-renewal-2026',
  outcome: 'won',
  amount: 4_800_000,
  currency: 'EUR',
  ledgerCurrency: 'EUR',
  closedAt: '2026-03-12T16:45:00.000Z',
  owner: 'person-sam',
  leadId: 'lead-acme-cfo',
  campaignIds: ['q3-upsell', 'spring-webinar'],
  objectionCategories: ['price'],
  lossReason: null,
  roster,
};

const lost: RecordDeal = {
  ...won,
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

const wonRecorded: DealRecorded = {
  type: 'DealRecorded',
  data: {
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
    blameFlag: false,
  },
};

describe('RecordDeal', () => {
  it('given no history, when a won deal is recorded, then DealRecorded carries it without ledgerCurrency or roster', () => {
    given(dealCapability)
      .when(won)
      .then([
        {
          type: 'DealRecorded',
          data: {
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
            blameFlag: false,
          },
        },
      ]);
  });

  it('given no history, when a lost deal with a factual loss reason is recorded, then it is not flagged', () => {
    given(dealCapability)
      .when(lost)
      .then([
        {
          type: 'DealRecorded',
          data: {
            dealId: 'globex-pilot',
            outcome: 'lost',
            amount: 1_250_000,
            currency: 'EUR',
            closedAt: '2026-03-20T09:00:00.000Z',
            owner: 'person-lena',
            leadId: null,
            campaignIds: [],
            objectionCategories: ['competitor', 'integration'],
            lossReason: 'We lost the deal to a competitor with a cheaper entry tier.',
            blameFlag: false,
          },
        },
      ]);
  });

  it('given no history, when the loss reason blames marketing, then DealRecorded carries the blame flag', () => {
    given(dealCapability)
      .when({ ...lost, lossReason: 'Thanks to marketing we lost the Globex deal.' })
      .then([
        {
          type: 'DealRecorded',
          data: {
            dealId: 'globex-pilot',
            outcome: 'lost',
            amount: 1_250_000,
            currency: 'EUR',
            closedAt: '2026-03-20T09:00:00.000Z',
            owner: 'person-lena',
            leadId: null,
            campaignIds: [],
            objectionCategories: ['competitor', 'integration'],
            lossReason: 'Thanks to marketing we lost the Globex deal.',
            blameFlag: true,
          },
        },
      ]);
  });

  it('given no history, when a lost deal of amount 0 with no reason and a closing time with an offset is recorded, then closedAt is in UTC', () => {
    given(dealCapability)
      .when({ ...lost, amount: 0, lossReason: null, closedAt: '2026-03-20T10:00:00+01:00' })
      .then([
        {
          type: 'DealRecorded',
          data: {
            dealId: 'globex-pilot',
            outcome: 'lost',
            amount: 0,
            currency: 'EUR',
            closedAt: '2026-03-20T09:00:00.000Z',
            owner: 'person-lena',
            leadId: null,
            campaignIds: [],
            objectionCategories: ['competitor', 'integration'],
            lossReason: null,
            blameFlag: false,
          },
        },
      ]);
  });

  it('given the deal was recorded, when the same deal is recorded again, then nothing new happens', () => {
    given(dealCapability, [wonRecorded]).when(won).then([]);
  });

  it('given the deal was recorded, when the same deal is retried with closedAt in another offset, then nothing new happens', () => {
    given(dealCapability, [wonRecorded])
      .when({ ...won, closedAt: '2026-03-12T17:45:00+01:00' })
      .then([]);
  });

  it('given the deal was recorded, when it is recorded with a different amount, then it is a conflict', () => {
    given(dealCapability, [wonRecorded])
      .when({ ...won, amount: 5_000_000 })
      .thenRejects('conflict', 'deal-already-recorded');
  });

  it('given the deal was recorded, when it is recorded with its campaigns in another order, then it is a conflict', () => {
    given(dealCapability, [wonRecorded])
      .when({ ...won, campaignIds: ['spring-webinar', 'q3-upsell'] })
      .thenRejects('conflict', 'deal-already-recorded');
  });

  it('when the currency is not the ledger currency, then it is refused', () => {
    given(dealCapability)
      .when({ ...won, currency: 'USD' })
      .thenRejects('rule', 'currency-mismatch');
  });

  it('when a won deal has a loss reason, then it is refused', () => {
    given(dealCapability)
      .when({ ...won, lossReason: 'We lost the Globex deal on price.' })
      .thenRejects('rule', 'loss-reason-on-won-deal');
  });

  it('when the amount is negative, then it is refused', () => {
    given(dealCapability)
      .when({ ...won, amount: -100 })
      .thenRejects('rule', 'invalid-amount');
  });

  it('when the amount has a fraction of a minor unit, then it is refused', () => {
    given(dealCapability)
      .when({ ...won, amount: 48_000.5 })
      .thenRejects('rule', 'invalid-amount');
  });

  it('when closedAt is not an instant with a zone, then it is refused', () => {
    given(dealCapability)
      .when({ ...won, closedAt: '2026-03-12' })
      .thenRejects('rule', 'invalid-closed-at');
  });

  it('when the owner is from marketing, then it breaks the rule that a sales rep owns the deal', () => {
    given(dealCapability)
      .when({ ...won, owner: 'person-mia' })
      .thenRejects('rule', 'person-not-in-sales');
  });

  it('when the owner is not on the roster, then it is refused', () => {
    given(dealCapability)
      .when({ ...won, owner: 'person-left-in-january' })
      .thenRejects('rule', 'person-not-on-roster');
  });

  it('names the offending field', () => {
    const decide = (command: RecordDeal) => () => dealCapability.decide(command, dealCapability.initialState);
    expect(decide({ ...won, currency: 'USD' })).toThrow(expect.objectContaining({ field: 'currency' }));
    expect(decide({ ...won, lossReason: 'Budget moved to Q4.' })).toThrow(
      expect.objectContaining({ field: 'lossReason' }),
    );
    expect(decide({ ...won, amount: -1 })).toThrow(expect.objectContaining({ field: 'amount' }));
  });
});
