import { parsePeriod, periodOf } from '#domain';
import { call } from './demo-call.js';
import { DEMO_WEEKS, iso } from './demo-clock.js';
import type { DemoContext, DemoPerson } from './demo-context.js';

/** Opaque ids; the believable names are personal data, sealed by the ledger at registration. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { personId: 'p-01', displayName: 'Maya Okafor', team: 'marketing', joinsInWeek: 0 },
  { personId: 'p-02', displayName: 'Jonas Lindqvist', team: 'marketing', joinsInWeek: 0 },
  { personId: 'p-03', displayName: 'Priya Raman', team: 'marketing', joinsInWeek: 0 },
  { personId: 'p-04', displayName: 'Tomás Herrera', team: 'marketing', joinsInWeek: 0 },
  { personId: 'p-05', displayName: 'Elena Petrova', team: 'sales', joinsInWeek: 0 },
  { personId: 'p-06', displayName: 'Marcus Adeyemi', team: 'sales', joinsInWeek: 0 },
  { personId: 'p-07', displayName: 'Aiko Tanaka', team: 'sales', joinsInWeek: 0 },
  { personId: 'p-08', displayName: 'David Mensah', team: 'sales', joinsInWeek: 0 },
  { personId: 'p-09', displayName: 'Sofia Rossi', team: 'sales', joinsInWeek: 0 },
  { personId: 'p-10', displayName: 'Liam Brennan', team: 'sales', joinsInWeek: 0 },
  // Joins mid-window: the briefing coverage of later launches counts one rep more.
  { personId: 'p-11', displayName: 'Hannah Weiss', team: 'sales', joinsInWeek: 5 },
];

/** The leads of each team, who set the shared goals. */
const MARKETING_LEAD = 'p-01';
const SALES_LEAD = 'p-05';

export const registerRoster = (context: DemoContext): void => {
  for (const { personId, displayName, team, joinsInWeek } of context.people) {
    const at = context.clock.at(joinsInWeek, 0, 7, 30);
    context.bulk.push({
      at,
      call: call(
        '/v1/team-members/{personId}/register',
        { personId },
        { displayName, team, occurredAt: iso(at) },
      ),
    });
  }
};

/** Revenue targets in minor units (EUR cents); a week's is what the celebrations of reached goals compare with. */
export const WEEKLY_TARGET = 4_000_000;
const MONTHLY_TARGET = 17_000_000;
const QUARTERLY_TARGET = 50_000_000;

const setGoal = (context: DemoContext, period: string, at: Date, revenueTarget: number, setBy: string) => {
  context.bulk.push({
    at,
    call: call(
      '/v1/shared-goals/{period}/set',
      { period },
      { revenueTarget, currency: 'EUR', leadFollowUpSlaHours: 24, setBy, occurredAt: iso(at) },
    ),
  });
};

/** When a period's goal is set: the first working morning of the period inside the window. */
const goalTime = (context: DemoContext, period: string): Date => {
  const starts = Date.parse(parsePeriod(period)?.start ?? '') + 8.5 * 3_600_000 + 60_000;
  return new Date(Math.max(starts, context.clock.at(0, 0, 8, 31).getTime()));
};

/**
 * A goal for every week (set on its Monday) and for each month and quarter the
 * window touches; the middle quarter's target is raised a week later, so one
 * goal has a second revision.
 */
export const setSharedGoals = (context: DemoContext): void => {
  const { at } = context.clock;
  const periods = { month: new Set<string>(), quarter: new Set<string>() };
  for (let week = 0; week < DEMO_WEEKS; week += 1) {
    const monday = at(week, 0, 8, 30);
    const setBy = week % 2 ? SALES_LEAD : MARKETING_LEAD;
    setGoal(context, periodOf('week', iso(monday)), monday, WEEKLY_TARGET, setBy);
    for (let day = 0; day < 7; day += 1) {
      periods.month.add(periodOf('month', iso(at(week, day, 12))));
      periods.quarter.add(periodOf('quarter', iso(at(week, day, 12))));
    }
  }
  for (const month of periods.month)
    setGoal(context, month, goalTime(context, month), MONTHLY_TARGET, SALES_LEAD);
  for (const quarter of periods.quarter) {
    setGoal(context, quarter, goalTime(context, quarter), QUARTERLY_TARGET, SALES_LEAD);
  }
  const middle = periodOf('quarter', iso(at(6, 0, 12)));
  const revised = new Date(Math.max(at(7, 0, 9).getTime(), goalTime(context, middle).getTime() + 3_600_000));
  setGoal(context, middle, revised, QUARTERLY_TARGET + 6_000_000, MARKETING_LEAD);
};
