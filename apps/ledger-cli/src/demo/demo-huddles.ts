import { call } from './demo-call.js';
import { DEMO_WEEKS, dateAfter, endOfDate, iso, plusHours } from './demo-clock.js';
import {
  type DemoContext,
  type ObjectionCategory,
  type Team,
  type Timed,
  teamIn,
  two,
} from './demo-context.js';
import { ACTION_ITEMS, HUDDLE_NOT_WORKING, HUDDLE_WORKING } from './demo-texts.js';

/** Weeks without a joint huddle in the bulk: week 3 has a sales-only one, week 7's is recorded a week late. */
const SALES_ONLY_WEEK = 3;
const RECORDED_LATE_WEEK = 7;
const SKIPPED_WEEKS = new Set([SALES_ONLY_WEEK, RECORDED_LATE_WEEK, 10]);

const DISCUSSED: readonly ObjectionCategory[] = [
  'integration',
  'price',
  'feature-gap',
  'competitor',
  'timing',
];

const attendees = (context: DemoContext, week: number, teams: readonly Team[]) =>
  teams.flatMap((team) => {
    const members = teamIn(context, team, week);
    const count = team === 'sales' ? context.dice.int(3, 5) : context.dice.int(1, 3);
    return context.dice.sample(members, count).map((personId) => ({ personId, team }));
  });

/** Completed by the owner some days on, before or after the due date; about a third stay open. */
const complete = (
  context: DemoContext,
  huddleId: string,
  item: { actionItemId: string; owner: string; dueDate: string },
  heldAt: Date,
  timeline: Timed[],
) => {
  if (context.dice.chance(0.35)) return;
  const due = endOfDate(item.dueDate);
  const days = context.dice.int(1, Math.round((due.getTime() - heldAt.getTime()) / 86_400_000) + 2);
  const at = plusHours(heldAt, days * 24 + context.dice.int(1, 6));
  const { actionItemId, owner: completedBy } = item;
  const body = { completedBy, occurredAt: iso(at) };
  timeline.push({
    at,
    call: call(
      '/v1/huddles/{huddleId}/action-items/{actionItemId}/complete',
      { huddleId, actionItemId },
      body,
    ),
  });
};

const hold = (context: DemoContext, week: number, teams: readonly Team[], timeline: Timed[]) => {
  const { dice } = context;
  const huddleId = `huddle-w${two(week)}`;
  const heldAt = context.clock.at(week, dice.chance(0.7) ? 1 : 2, 9, 30);
  const people = attendees(context, week, teams);
  const actionItems = dice.sample(ACTION_ITEMS, dice.int(1, 3)).map((description, i) => ({
    actionItemId: `ai-w${two(week)}-${i + 1}`,
    description,
    owner: dice.pick(people).personId,
    dueDate: dateAfter(heldAt, dice.int(3, 9)),
  }));
  const body = {
    heldAt: iso(heldAt),
    attendees: people,
    numbersReviewed: dice.chance(0.85),
    working: dice.sample(HUDDLE_WORKING, dice.int(1, 2)),
    notWorking: dice.sample(HUDDLE_NOT_WORKING, dice.int(1, 2)),
    objectionCategoriesDiscussed: dice.sample(DISCUSSED, dice.int(1, 3)),
    actionItems,
    occurredAt: iso(heldAt),
  };
  timeline.push({ at: heldAt, call: call('/v1/huddles/{huddleId}/hold', { huddleId }, body) });
  for (const item of actionItems) complete(context, huddleId, item, heldAt, timeline);
};

/** A joint huddle most weeks, with action items; some done in time, some late, some overdue. */
export const runHuddles = (context: DemoContext): void => {
  for (let week = 0; week < DEMO_WEEKS; week += 1) {
    if (!SKIPPED_WEEKS.has(week)) hold(context, week, ['marketing', 'sales'], context.bulk);
  }
  hold(context, SALES_ONLY_WEEK, ['sales'], context.bulk);
  hold(context, RECORDED_LATE_WEEK, ['marketing', 'sales'], context.late);
};
