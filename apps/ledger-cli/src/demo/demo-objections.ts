import { call } from './demo-call.js';
import { DEMO_WEEKS, iso } from './demo-clock.js';
import { type DemoContext, type ObjectionCategory, liveCampaigns, teamIn, two } from './demo-context.js';
import { OBJECTION_TEXTS } from './demo-texts.js';

/** How often each category is heard: integration and feature gaps rank high and have no content. */
const CATEGORY_WEIGHTS: readonly [ObjectionCategory, number][] = [
  ['price', 24],
  ['integration', 22],
  ['competitor', 17],
  ['feature-gap', 16],
  ['timing', 10],
  ['trust', 7],
  ['other', 4],
];

const category = (context: DemoContext): ObjectionCategory => {
  let roll = context.dice.int(
    1,
    CATEGORY_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0),
  );
  for (const [name, weight] of CATEGORY_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return name;
  }
  return 'other';
};

/** One objection heard by a rep on a weekday of the week, sometimes about a live campaign. */
const objectionAt = (context: DemoContext, objectionId: string, week: number) => {
  const at = context.clock.at(week, context.dice.int(0, 4), context.dice.int(9, 17), context.dice.int(0, 59));
  const heard = category(context);
  const live = liveCampaigns(context, at);
  const campaign = live.length > 0 && context.dice.chance(0.3) ? context.dice.pick(live) : undefined;
  const body = {
    category: heard,
    text: context.dice.pick(OBJECTION_TEXTS[heard]),
    heardBy: context.dice.pick(teamIn(context, 'sales', week)),
    ...(campaign ? { campaignId: campaign.campaignId } : {}),
    occurredAt: iso(at),
  };
  return { at, call: call('/v1/objections/{objectionId}/log', { objectionId }, body) };
};

/** Content marketing publishes: price, competitor, timing and trust get answers; the comparison deck is replaced. */
const CONTENT = [
  {
    contentId: 'roi-calculator',
    category: 'price',
    title: 'ROI calculator: annual vs monthly',
    week: 1,
    day: 2,
  },
  {
    contentId: 'comparison-deck-v1',
    category: 'competitor',
    title: 'Competitor comparison deck',
    week: 2,
    day: 3,
  },
  {
    contentId: 'rollout-plan',
    category: 'timing',
    title: 'Phased rollout plan for busy seasons',
    week: 5,
    day: 2,
  },
  {
    contentId: 'security-overview',
    category: 'trust',
    title: 'Security and data residency overview',
    week: 6,
    day: 0,
  },
  {
    contentId: 'comparison-deck-v2',
    category: 'competitor',
    title: 'Competitor comparison, updated',
    week: 8,
    day: 1,
  },
] as const;

const publish = (context: DemoContext) => {
  for (const { contentId, category: answered, title, week, day } of CONTENT) {
    const at = context.clock.at(week, day, 15);
    const publishedBy = context.dice.pick(teamIn(context, 'marketing', week));
    const url = `https://content.example.com/${contentId}`;
    const body = { category: answered, title, url, publishedBy, occurredAt: iso(at) };
    context.bulk.push({ at, call: call('/v1/content/{contentId}/address-objection', { contentId }, body) });
  }
  const withdrawnAt = context.clock.at(6, 1, 16);
  const withdrawal = { withdrawnBy: 'p-03', occurredAt: iso(withdrawnAt) };
  context.bulk.push({
    at: withdrawnAt,
    call: call('/v1/content/{contentId}/withdraw', { contentId: 'comparison-deck-v1' }, withdrawal),
  });
};

/**
 * Five to nine objections a week; a call-tool import brings two more of each
 * of weeks 5 to 8 in late.
 */
export const runObjections = (context: DemoContext): void => {
  publish(context);
  for (let week = 0; week < DEMO_WEEKS; week += 1) {
    const heard = context.dice.int(5, 9);
    for (let i = 1; i <= heard; i += 1)
      context.bulk.push(objectionAt(context, `obj-w${two(week)}-${two(i)}`, week));
  }
  for (let week = 5; week <= 8; week += 1) {
    for (let i = 1; i <= 2; i += 1)
      context.late.push(objectionAt(context, `obj-w${two(week)}-late-${i}`, week));
  }
};
