import { type Scorecard, type components, createLedgerClient } from '#client';
import { periodOf } from '#domain';
import { DEMO_PEOPLE, DEMO_WEEKS, demoWindowStart } from '../../apps/ledger-cli/src/demo/demo-history.js';
import { type Run, ledger, needsBuiltCli } from '../support/built-cli.js';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

type RecordedEvent = components['schemas']['RecordedEventDto'];

const WEEK_MS = 7 * 86_400_000;

/** The ISO weeks of the demo's window, oldest first, as of the instant the demo ran. */
const windowWeeks = (now: Date) => {
  const start = demoWindowStart(now).getTime();
  return Array.from({ length: DEMO_WEEKS }, (_, i) =>
    periodOf('week', new Date(start + i * WEEK_MS + 1).toISOString()),
  );
};

/** The figures a late fact can move (not `at`, the instant evaluated). */
const figures = ({ at: _at, ...card }: Scorecard) => card;

describe.each(backends)('ledger demo against a fresh service (%s)', (backend) => {
  if (needsBuiltCli()) return;

  let t: TestApp;
  let run: Run;
  let weeks: string[];
  let env: Record<string, string>;
  /**
   * Through a client without TestApp's response-schema check: the document caps
   * revenue.attainment at 1 (ratio(…, undefined) in scorecard.response.ts takes
   * the default maximum), yet a week that beats its goal answers more.
   */
  const scorecard = async (period: string, asOf?: string): Promise<Scorecard> => {
    const client = createLedgerClient({ baseUrl: env.LEDGER_URL, credentials: t.adminKey });
    const query = asOf === undefined ? {} : { asOf };
    const { data } = await client.GET('/v1/scorecards/{period}', { params: { path: { period }, query } });
    if (!data) throw new Error(`no scorecard for ${period}`);
    return data;
  };
  /** The whole log, a page at a time, through GET /v1/events with the admin key. */
  const allEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for (let after = 0; ;) {
      const { data } = await (
        await t.client()
      ).GET('/v1/events', { params: { query: { after, limit: 500 } } });
      if (!data) throw new Error('cannot read the log');
      events.push(...data.events);
      if (data.next === null || data.events.length === 0) return events;
      after = data.events[data.events.length - 1].globalPosition;
    }
  };
  const asOfLine = () => /set the dashboard's as-of to (\S+) to see/.exec(run.stdout)?.[1] ?? '';

  beforeAll(async () => {
    t = await startTestApp(backend);
    env = { LEDGER_URL: await t.url(), LEDGER_API_KEY: t.adminKey };
    const now = new Date();
    run = await ledger(env, 'demo');
    weeks = windowWeeks(now);
  }, 180_000);
  afterAll(() => t.close());

  it('posts the history, says how much and when the late facts came, and makes a leader and a viewer key', async () => {
    expect(run.stderr).not.toContain('refused');
    expect(run.code).toBe(0);
    const [, commands, events] = /posted (\d+) commands, (\d+) events/.exec(run.stdout) ?? [];
    const { data } = await (await t.client()).GET('/v1/events', { params: { query: { limit: 1 } } });
    expect(Number(events)).toBe(data?.headPosition);
    expect(Number(commands)).toBeGreaterThan(400);
    expect(Date.parse(asOfLine())).toBeLessThan(Date.now());
    const leader = /leader key \(read, personal-data\): (lk_\S+)/.exec(run.stdout)?.[1] ?? '';
    const viewer = /viewer key \(read\): (lk_\S+)/.exec(run.stdout)?.[1] ?? '';
    const members = async (key: string) =>
      (await (await t.client(key)).GET('/v1/team-members')).data?.members;
    expect((await members(leader))?.map((m) => m.displayName)).toEqual(DEMO_PEOPLE.map((p) => p.displayName));
    expect((await members(viewer))?.every((m) => m.displayName === undefined || m.displayName === null)).toBe(
      true,
    );
    expect(
      (await (await t.client(viewer)).GET('/v1/events', { params: { query: { limit: 1 } } })).response.status,
    ).toBe(403);
  });

  it('gives the past weeks leads, deals, campaigns and huddles, at a plausible win rate and SLA compliance', async () => {
    const past = await Promise.all(weeks.slice(0, -1).map((week) => scorecard(week)));
    const weeksWith = (count: (card: Scorecard) => number) => past.filter((card) => count(card) > 0).length;
    expect(weeksWith((card) => card.leads.handedOff)).toBe(past.length);
    expect(weeksWith((card) => card.deals.won + card.deals.lost)).toBe(past.length);
    expect(weeksWith((card) => card.huddles.joint)).toBeGreaterThanOrEqual(past.length - 2);
    expect(weeksWith((card) => card.campaigns.launched)).toBeGreaterThanOrEqual(5);
    expect(weeksWith((card) => card.objections.logged)).toBe(past.length);
    expect(weeksWith((card) => card.actionItems.opened)).toBeGreaterThanOrEqual(past.length - 2);
    const sum = (count: (card: Scorecard) => number) => past.reduce((total, card) => total + count(card), 0);
    const won = sum((card) => card.deals.won);
    expect(won / (won + sum((card) => card.deals.lost))).toBeGreaterThanOrEqual(0.2);
    expect(won / (won + sum((card) => card.deals.lost))).toBeLessThanOrEqual(0.4);
    const inTime = sum((card) => card.leads.withinSla);
    expect(inTime / (inTime + sum((card) => card.leads.breached))).toBeGreaterThanOrEqual(0.6);
    expect(inTime / (inTime + sum((card) => card.leads.breached))).toBeLessThanOrEqual(0.85);
    expect(sum((card) => card.campaigns.blindsides)).toBeGreaterThan(0);
    expect(sum((card) => card.celebrations.joint)).toBeGreaterThan(0);
    expect(sum((card) => card.blame.flagged)).toBe(0);
  });

  it('records some facts late: weeks past read differently as of the instant between the sittings', async () => {
    const between = asOfLine();
    const changed: string[] = [];
    for (const week of weeks.slice(0, -1)) {
      const [then, now] = await Promise.all([scorecard(week, between), scorecard(week)]);
      if (JSON.stringify(figures(then)) !== JSON.stringify(figures(now))) changed.push(week);
      expect(then.deals.won + then.deals.lost).toBeLessThanOrEqual(now.deals.won + now.deals.lost);
    }
    expect(changed.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps display names out of every event but the registrations, where they are sealed', async () => {
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(400);
    const parts = DEMO_PEOPLE.flatMap(({ displayName }) => [displayName, ...displayName.split(' ')]);
    const registrations = events.filter((e) => e.type === 'TeamMemberRegistered');
    expect(registrations.map((e) => e.data.personId)).toEqual(DEMO_PEOPLE.map((p) => p.personId));
    // A registration's data holds the name sealed (random-looking text, which a short name could match by chance).
    const outside = (event: RecordedEvent) =>
      JSON.stringify(event.type === 'TeamMemberRegistered' ? { ...event, data: event.data.personId } : event);
    for (const event of events) for (const part of parts) expect(outside(event)).not.toContain(part);
    for (const { personId, displayName } of DEMO_PEOPLE) {
      const registration = registrations.find((e) => e.data.personId === personId);
      expect(registration?.data.sealedDisplayName).toEqual(expect.any(String));
      expect(JSON.stringify(registration)).not.toContain(displayName);
    }
  });

  it('posts nothing into a ledger that has events, unless --force (then only what is missing)', async () => {
    const head = async () =>
      (await (await t.client()).GET('/v1/events', { params: { query: { limit: 1 } } })).data?.headPosition;
    const before = await head();
    const again = await ledger(env, 'demo');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `the ledger at ${env.LEDGER_URL} already holds ${before} events: no demo posted (--force posts it anyway)\n`,
    );
    expect(await head()).toBe(before);
    const forced = await ledger(env, 'demo', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/posted (\d+) commands \(\1 of them already there\), 0 events/);
    expect(await head()).toBe(before);
  }, 120_000);
});
