import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Scorecard } from '#client';
import { parsePeriod, periodOf } from '#domain';
import { testAdminKey } from '../support/test-app.js';
import {
  type Demo,
  apiScorecard,
  evidenceDialog,
  expectedTiles,
  figure,
  launchChromium,
  localInput,
  needsBuiltDashboard,
  newContext,
  openEvidence,
  previousPeriod,
  scorecardOf,
  settle,
  settled,
  shownTiles,
  signIn,
  startDemo,
  visit,
} from './browser-support.js';

/** The headline tiles compared with the API (the median response is written in words, left out). */
const TILES = [
  'win-rate',
  'lead-sla',
  'objection-coverage',
  'huddle-cadence',
  'briefing',
  'reviewed',
  'overdue',
];
const pick = (all: Record<string, string>) => Object.fromEntries(TILES.map((id) => [id, all[id]]));

describe('the dashboard in Chromium, on PGlite with the demo', () => {
  if (needsBuiltDashboard()) return;

  let demo: Demo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const now = new Date().toISOString();
  const thisWeek = periodOf('week', now);
  const lastWeek = previousPeriod(thisWeek);
  const lastMonth = previousPeriod(periodOf('month', now));

  /** The tiles show what the API answers for the period (as of the instant, if any). */
  const expectTilesOf = async (period: string, asOf: string | null = null) => {
    await scorecardOf(page, period);
    const expected = pick(expectedTiles(await apiScorecard(demo.t, period, asOf)));
    expect(await settle(() => shownTiles(page, TILES), expected)).toEqual(expected);
  };
  const periodSelect = () => page.getByRole('combobox', { name: /^Period/ });
  const periodShown = () => page.getByTestId('period').innerText();

  beforeAll(async () => {
    demo = await startDemo();
    browser = await launchChromium();
  }, 180_000);
  beforeEach(async () => {
    context = await newContext(browser);
    page = await context.newPage();
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await demo?.t.close();
  });

  it('refuses a wrong key, signs the leader in, and follows the period picker with the API’s figures', async () => {
    await page.goto(`${demo.url}/`);
    await page.getByLabel('API key or access token (scope read)').fill(testAdminKey());
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('not accepted');

    await signIn(page, demo.url, demo.leaderKey);
    expect(await periodShown()).toMatch(new RegExp(`^${thisWeek} `));
    await expectTilesOf(thisWeek);

    await page.getByRole('button', { name: 'Previous period' }).click();
    expect(await periodShown()).toMatch(new RegExp(`^${lastWeek} Week \\d+, \\d{4}`));
    expect((await apiScorecard(demo.t, lastWeek)).leads.handedOff).toBeGreaterThan(0);
    await expectTilesOf(lastWeek);
    expect(new URLSearchParams(page.url().split('?')[1]).get('period')).toBe(lastWeek);

    // A month: the month of now, or of the week viewed; the one before it has data either way.
    await periodSelect().selectOption('month');
    const month = (await periodShown()).split(' ')[0];
    expect([periodOf('month', now), periodOf('month', parsePeriod(lastWeek)?.start ?? now)]).toContain(month);
    await page.getByRole('button', { name: 'Previous period' }).click();
    expect(await periodShown()).toMatch(new RegExp(`^${previousPeriod(month)} `));
    await expectTilesOf(previousPeriod(month));

    const quarter = periodOf('quarter', now);
    await periodSelect().selectOption('quarter');
    expect(await periodShown()).toMatch(new RegExp(`^${quarter} Q\\d \\d{4}$`));
    await expectTilesOf(quarter);
  }, 120_000);

  it('opens the evidence of a figure: its total and its rows are the figure the API counts', async () => {
    await signIn(page, demo.url, demo.leaderKey);
    await visit(page, `#/scorecard?period=${lastMonth}`);
    await scorecardOf(page, lastMonth);
    const card = await apiScorecard(demo.t, lastMonth);
    const metrics = ['leads.breached', 'deals.won', 'objections.logged', 'actionItems.opened', 'deals.lost'];
    const counted = metrics.filter((metric) => figure(card, metric) > 0);
    expect(counted.length).toBeGreaterThanOrEqual(4);
    const close = async (how: 'Escape' | 'Close') => {
      if (how === 'Escape') await page.keyboard.press('Escape');
      else await evidenceDialog(page).getByRole('button', { name: 'Close' }).click();
      await evidenceDialog(page).waitFor({ state: 'detached' });
    };
    for (const [i, metric] of counted.entries()) {
      const expected = figure(card, metric);
      const button = page.locator(`table.figures button[data-metric="${metric}"]`);
      expect({ metric, shown: await button.innerText() }).toEqual({ metric, shown: String(expected) });
      const { total, rows } = await openEvidence(button);
      expect({ metric, total, rows }).toEqual({ metric, total: expected, rows: Math.min(expected, 1000) });
      await close(i % 2 === 0 ? 'Escape' : 'Close');
    }
    // The tiles' figures open the same evidence, by a key as by a click.
    for (const [i, metric] of counted.entries()) {
      const button = page.locator(`li.tile button:has(span[data-metric="${metric}"])`).first();
      expect(await button.locator('span').innerText()).toBe(String(figure(card, metric)));
      const { total } = await openEvidence(button, i === 0 ? 'Enter' : undefined);
      expect({ metric, total }).toEqual({ metric, total: figure(card, metric) });
      await close('Escape');
    }
    // A ratio's headline opens its numerator's facts: the covered objections over those logged are the coverage.
    const { total: covered } = await openEvidence(
      page.locator('[data-testid=figure-objection-coverage] button'),
    );
    expect(card.objections.logged === 0 ? null : covered / card.objections.logged).toBe(
      card.objections.coverage,
    );
    await close('Escape');
  }, 120_000);

  it('follows an event of the evidence to its own page, leaving the dialog', async () => {
    await signIn(page, demo.url, demo.leaderKey);
    await visit(page, `#/scorecard?period=${lastMonth}`);
    await scorecardOf(page, lastMonth);
    await openEvidence(page.locator('table.figures button[data-metric="deals.won"]'));
    const link = evidenceDialog(page).locator('table.events tbody a').first();
    const position = (await link.innerText()).replace('#', '');
    await link.click();
    await page.waitForURL((url) => url.hash.startsWith(`#/event/${position}?`));
    const heading = `Event #${position}`;
    expect(await settle(() => page.locator('main h2').innerText(), heading)).toBe(heading);
    expect(await evidenceDialog(page).count()).toBe(0);
  }, 120_000);

  /** A period and a tile whose figure as of the instant between the sittings is not today's. */
  const movedByLateFacts = async (): Promise<{ period: string; tile: string; then: Scorecard }> => {
    const weeks = [lastWeek, previousPeriod(lastWeek), previousPeriod(previousPeriod(lastWeek))];
    for (const period of [periodOf('quarter', now), lastMonth, previousPeriod(lastMonth), ...weeks]) {
      const [then, today] = [
        await apiScorecard(demo.t, period, demo.between),
        await apiScorecard(demo.t, period),
      ];
      const tile = TILES.find((id) => expectedTiles(then)[id] !== expectedTiles(today)[id]);
      if (tile) return { period, tile, then };
    }
    throw new Error('no tile of a past period reads differently as of the instant between the sittings');
  };

  it('replays the ledger as of the instant between the sittings, and comes back to now', async () => {
    const { period, tile, then } = await movedByLateFacts();
    await signIn(page, demo.url, demo.leaderKey);
    await visit(page, `#/scorecard?period=${period}`);
    await expectTilesOf(period);
    const today = await page.getByTestId(`figure-${tile}`).innerText();

    await page.getByLabel('As of').fill(localInput(demo.between));
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.waitForURL(/asOf=/);
    expect(new URLSearchParams(page.url().split('?')[1]).get('asOf')).toBe(demo.between);
    // The URL changes before the page re-renders: wait for the status.
    await page
      .getByTestId('as-of-status')
      .filter({ hasText: /^Replaying/ })
      .waitFor();
    const shown = () => page.getByTestId(`figure-${tile}`).innerText();
    expect(await settle(shown, expectedTiles(then)[tile])).toBe(expectedTiles(then)[tile]);
    expect(expectedTiles(then)[tile]).not.toBe(today);
    await expectTilesOf(period, demo.between);
    // The evidence follows the instant too.
    const { total } = await openEvidence(page.locator('table.figures button[data-metric="deals.won"]'));
    expect(total).toBe(then.deals.won);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Now' }).click();
    await page.waitForURL((url) => !url.hash.includes('asOf='));
    await page.getByTestId('as-of-status').filter({ hasText: /^Live/ }).waitFor();
    expect(await settle(shown, today)).toBe(today);
    expect(await settle(() => page.getByLabel('As of').inputValue(), '')).toBe('');
  }, 120_000);

  it('lists what changed since the instant: facts that happened before it and were recorded after', async () => {
    const quarter = periodOf('quarter', now);
    await signIn(page, demo.url, demo.leaderKey);
    await visit(page, `#/changes?period=${quarter}&since=${encodeURIComponent(demo.between)}`);
    const late = Number(await page.getByTestId('late-count').innerText());
    expect(late).toBeGreaterThan(0);
    const rows = page.locator('table.events:has(caption:text-is("Facts recorded late")) tbody tr');
    expect(await rows.count()).toBe(late);
    const client = await demo.t.client();
    const instant = Date.parse(demo.between);
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allInnerTexts();
      const position = Number(cells[0].replace('#', ''));
      const { data } = await client.GET('/v1/events/{position}', { params: { path: { position } } });
      const { occurredAt, recordedAt } = (data?.metadata ?? {}) as Record<string, string>;
      expect({ position, before: Date.parse(occurredAt) < instant }).toEqual({ position, before: true });
      expect({ position, after: Date.parse(recordedAt) > instant }).toEqual({ position, after: true });
      const written = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;
      // Position, type, what the fact counts as, business time, recorded.
      const [, type, countsAs, business, recorded] = cells;
      expect([type, business, recorded]).toEqual([data?.type, written(occurredAt), written(recordedAt)]);
      expect(countsAs).toMatch(/^[a-z-]+ \S+$/);
    }
    // The figures that moved are marked, then and now as the API answers them.
    const [then, today] = [
      await apiScorecard(demo.t, quarter, demo.between),
      await apiScorecard(demo.t, quarter),
    ];
    const changed = page.locator('table.comparison tr[data-changed="true"]');
    expect(await changed.count()).toBeGreaterThan(0);
    const wonRow = page.locator('table.comparison tr', { hasText: 'Deals won' });
    expect(await wonRow.locator('td').allTextContents()).toEqual([
      String(then.deals.won),
      then.deals.won === today.deals.won ? String(today.deals.won) : `${today.deals.won} (changed)`,
    ]);
  }, 120_000);

  it('opens the weekly huddle with its six sections, and prints it without the nav and toolbar', async () => {
    await signIn(page, demo.url, demo.leaderKey);
    await visit(page, `#/huddle?period=${lastWeek}`);
    await settled(page);
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toMatch(/^Joint weekly huddle — Week/);
    const sections = await page.locator('article.huddle > section > h3').allInnerTexts();
    expect(sections.map((title) => title.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    const hidden = ['nav[aria-label="Views"]', '.toolbar', 'header.masthead', 'text=Print the agenda'];
    for (const selector of hidden) expect(await page.locator(selector).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const selector of hidden)
      expect({ selector, visible: await page.locator(selector).isVisible() }).toEqual({
        selector,
        visible: false,
      });
    expect(await page.locator('article.huddle').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);
});
