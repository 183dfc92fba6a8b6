import { call } from './demo-call.js';
import { DEMO_WEEKS, iso } from './demo-clock.js';
import { type DemoContext, type ObjectionCategory, teamIn, two } from './demo-context.js';
import { LOSS_REASONS } from './demo-texts.js';

const CATEGORIES: readonly ObjectionCategory[] = [
  'price',
  'integration',
  'competitor',
  'feature-gap',
  'timing',
];

interface DealSpec {
  dealId: string;
  week: number;
  closedAt: Date;
  won: boolean;
  amount: number;
}

/** A won deal often comes from a lead accepted a week or more before, and cites that lead's campaign. */
const origin = (context: DemoContext, deal: DealSpec, used: Set<string>) => {
  const weekBefore = deal.closedAt.getTime() - 7 * 86_400_000;
  const lead = context.acceptedLeads.find((l) => l.acceptedAt.getTime() < weekBefore && !used.has(l.leadId));
  if (deal.won && lead && context.dice.chance(0.6)) {
    used.add(lead.leadId);
    return {
      owner: lead.assignedTo,
      leadId: lead.leadId,
      campaignIds: lead.campaignId ? [lead.campaignId] : [],
    };
  }
  const launched = context.campaigns.filter((c) => c.launchedAt < deal.closedAt);
  const cited = launched.length > 0 && context.dice.chance(deal.won ? 0.5 : 0.25);
  return {
    owner: context.dice.pick(teamIn(context, 'sales', deal.week)),
    campaignIds: cited ? [context.dice.pick(launched).campaignId] : [],
  };
};

const record = (context: DemoContext, deal: DealSpec, used: Set<string>, late: boolean) => {
  const { dealId, closedAt, won, amount } = deal;
  const from = origin(context, deal, used);
  const body = {
    outcome: won ? ('won' as const) : ('lost' as const),
    amount,
    currency: 'EUR' as const,
    closedAt: iso(closedAt),
    ...from,
    objectionCategories: context.dice.sample(CATEGORIES, context.dice.int(0, 2)),
    ...(won ? {} : { lossReason: context.dice.pick(LOSS_REASONS) }),
    occurredAt: iso(closedAt),
  };
  (late ? context.late : context.bulk).push({
    at: closedAt,
    call: call('/v1/deals/{dealId}/record', { dealId }, body),
  });
  // Celebrated when they close: the backfilled wins were not known then.
  if (won && !late) context.wonDeals.push({ dealId, amount, closedAt, owner: from.owner });
};

const dealIn = (context: DemoContext, dealId: string, week: number, won: boolean): DealSpec => ({
  dealId,
  week,
  closedAt: context.clock.at(week, context.dice.int(0, 4), context.dice.int(10, 18), context.dice.int(0, 59)),
  won,
  // 8,000 to 60,000 EUR, in minor units.
  amount: context.dice.int(8, 60) * 100_000,
});

/**
 * Four to six deals close each week, one or two of them won (dealt from a
 * shuffled deck, so the win rate stays near three in ten); the CRM backfill of
 * weeks 3 to 7 (zero-based), three won of seven, arrives late.
 */
export const runDeals = (context: DemoContext): void => {
  const used = new Set<string>();
  const specs: DealSpec[] = [];
  for (let week = 0; week < DEMO_WEEKS; week += 1) {
    const closed = context.dice.int(4, 6);
    const wins = context.dice.int(1, 2);
    const deck = context.dice.sample(
      Array.from({ length: closed }, (_, i) => i < wins),
      closed,
    );
    deck.forEach((won, i) => specs.push(dealIn(context, `deal-w${two(week)}-${two(i + 1)}`, week, won)));
  }
  specs.sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime());
  for (const deal of specs) record(context, deal, used, false);
  for (let i = 1; i <= 7; i += 1) {
    const deal = dealIn(context, `deal-crm-${two(i)}`, 3 + (i % 5), i % 2 === 1 && i < 7);
    record(context, deal, used, true);
  }
};
