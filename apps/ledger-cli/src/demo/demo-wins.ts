import { periodOf } from '#domain';
import { call } from './demo-call.js';
import { DEMO_WEEKS, iso, plusHours } from './demo-clock.js';
import { type DemoContext, type WonDeal, teamIn, two } from './demo-context.js';
import { WEEKLY_TARGET } from './demo-roster.js';

/** Deals this large (minor units) are worth a celebration. */
const BIG_DEAL = 3_000_000;

const celebrate = (context: DemoContext, deal: WonDeal, week: number) => {
  const roll = context.dice.next();
  if (roll >= 0.8) return;
  const otherReps = teamIn(context, 'sales', week).filter((rep) => rep !== deal.owner);
  const sales = [deal.owner, ...context.dice.sample(otherReps, context.dice.int(0, 2))];
  // Most with marketing in the room; some only inside the sales team.
  const marketing =
    roll < 0.6 ? context.dice.sample(teamIn(context, 'marketing', week), context.dice.int(1, 2)) : [];
  const attendees = [
    ...sales.map((personId) => ({ personId, team: 'sales' as const })),
    ...marketing.map((personId) => ({ personId, team: 'marketing' as const })),
  ];
  const at = plusHours(deal.closedAt, context.dice.int(18, 30));
  const body = {
    subject: { kind: 'deals' as const, dealIds: [deal.dealId] },
    attendees,
    occurredAt: iso(at),
  };
  context.bulk.push({
    at,
    call: call('/v1/celebrations/{celebrationId}/celebrate', { celebrationId: `cel-${deal.dealId}` }, body),
  });
};

/** Big wins celebrated; a week whose won revenue reached its goal is celebrated by both teams the Monday after. */
export const runCelebrations = (context: DemoContext): void => {
  const { at } = context.clock;
  for (let week = 0; week < DEMO_WEEKS; week += 1) {
    const won = context.wonDeals.filter(
      (d) => d.closedAt >= at(week, 0, 0) && d.closedAt < at(week + 1, 0, 0),
    );
    for (const deal of won.filter((d) => d.amount >= BIG_DEAL)) celebrate(context, deal, week);
    if (week === DEMO_WEEKS - 1 || won.reduce((sum, d) => sum + d.amount, 0) < WEEKLY_TARGET) continue;
    const celebratedAt = at(week + 1, 0, 16);
    const attendees = [
      ...teamIn(context, 'marketing', week).map((personId) => ({ personId, team: 'marketing' as const })),
      ...teamIn(context, 'sales', week).map((personId) => ({ personId, team: 'sales' as const })),
    ];
    const period = periodOf('week', iso(at(week, 2, 12)));
    const body = { subject: { kind: 'goal' as const, period }, attendees, occurredAt: iso(celebratedAt) };
    const celebrationId = `cel-goal-w${two(week)}`;
    context.bulk.push({
      at: celebratedAt,
      call: call('/v1/celebrations/{celebrationId}/celebrate', { celebrationId }, body),
    });
  }
};
