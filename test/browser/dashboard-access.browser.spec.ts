import type { Browser, BrowserContext, Page } from 'playwright-core';
import { periodOf } from '#domain';
import {
  type Demo,
  type InPage,
  apiScorecard,
  axeViolations,
  evidenceDialog,
  expectedTiles,
  launchChromium,
  needsBuiltDashboard,
  newContext,
  openEvidence,
  pageText,
  previousPeriod,
  scorecardOf,
  settle,
  settled,
  shownTiles,
  signIn,
  startDemo,
  tabTo,
  typeInstant,
  visit,
} from './browser-support.js';

describe('the dashboard in Chromium: personal data, accessibility, keyboard', () => {
  if (needsBuiltDashboard()) return;

  let demo: Demo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let position: number;
  const now = new Date().toISOString();
  const lastWeek = previousPeriod(periodOf('week', now));
  const lastMonth = previousPeriod(periodOf('month', now));
  const quarter = periodOf('quarter', now);

  /** Every view, at periods with data: what a reader can reach from the nav (and an event's own page). */
  const views = () => ({
    scorecard: `#/scorecard?period=${lastMonth}`,
    health: `#/health?period=${lastWeek}`,
    changes: `#/changes?period=${quarter}&since=${encodeURIComponent(demo.between)}`,
    huddle: `#/huddle?period=${lastWeek}`,
    objections: `#/objections?period=${lastWeek}`,
    campaigns: `#/campaigns?period=${lastMonth}`,
    retros: `#/retros?period=${lastMonth}`,
    event: `#/event/${position}?period=${lastWeek}`,
  });
  /** Opens every sign's evidence on the health view (each `<details>`), and waits for it. */
  const openAllDetails = async () => {
    const closed = page.locator('details:not([open]) > summary');
    for (let opened = 0; (await closed.count()) > 0 && opened < 20; opened += 1) await closed.first().click();
    expect(await page.locator('details[open]').count()).toBe(6);
    await settled(page);
  };
  const openActionItemsEvidence = async () => {
    await visit(page, views().scorecard);
    await scorecardOf(page, lastMonth);
    return openEvidence(page.locator('table.figures button[data-metric="actionItems.opened"]'));
  };

  beforeAll(async () => {
    demo = await startDemo();
    browser = await launchChromium();
    const { data } = await (
      await demo.t.client()
    ).GET('/v1/scorecards/{period}/evidence', {
      params: { path: { period: lastMonth }, query: { metric: 'actionItems.opened', limit: 1 } },
    });
    position = data?.events[0]?.position ?? 0;
    if (position === 0) throw new Error(`no action item opened in ${lastMonth}`);
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

  /** The text of every view and of an open evidence dialog, as the key given reads them. */
  const everythingSeenBy = async (key: string): Promise<Record<string, string>> => {
    await signIn(page, demo.url, key);
    const seen: Record<string, string> = {};
    for (const [view, hash] of Object.entries(views())) {
      await visit(page, hash);
      if (view === 'health') await openAllDetails();
      seen[view] = await pageText(page);
    }
    await openActionItemsEvidence();
    seen.evidence = await pageText(page);
    return seen;
  };
  const namesIn = (seen: Record<string, string>) =>
    Object.entries(seen).flatMap(([view, text]) =>
      demo.names
        .flatMap((name) => [name, ...name.split(' ')])
        .filter((part) => text.includes(part))
        .map((part) => `${view}: ${part}`),
    );

  it('shows a key without personal-data no display name anywhere, where the leader’s key sees names', async () => {
    const leader = await everythingSeenBy(demo.leaderKey);
    expect(demo.names.some((name) => leader.huddle.includes(name))).toBe(true);
    expect(namesIn(leader).length).toBeGreaterThan(0);
    await context.close();
    context = await newContext(browser);
    page = await context.newPage();
    const viewer = await everythingSeenBy(demo.viewerKey);
    expect(Object.keys(viewer)).toEqual(Object.keys(leader));
    // The same views, full: the viewer sees the people by their ids instead.
    expect(viewer.huddle).toMatch(/p-\d\d/);
    expect(namesIn(viewer)).toEqual([]);
  }, 180_000);

  it('has no serious or critical axe violation on any view, the sign-in page and the evidence dialog', async () => {
    const all: string[] = [];
    const grave: string[] = [];
    const check = async (view: string) => {
      const found = await axeViolations(page, view);
      all.push(...found.all);
      grave.push(...found.grave);
    };
    await page.goto(`${demo.url}/`);
    await page.getByLabel('API key or access token (scope read)').waitFor();
    await check('sign-in');
    await signIn(page, demo.url, demo.leaderKey);
    for (const [view, hash] of Object.entries(views())) {
      await visit(page, hash);
      if (view === 'health') {
        await page.locator('li.sign details > summary').first().click();
        await settled(page);
      }
      await check(view);
    }
    await openActionItemsEvidence();
    await check('evidence dialog');
    console.log(`axe-core found ${all.length} violations:\n${all.join('\n')}`);
    expect(grave).toEqual([]);
  }, 180_000);

  it('keeps a focused figure in sight: no definition covers the button that has focus', async () => {
    await signIn(page, demo.url, demo.leaderKey);
    await visit(page, views().scorecard);
    await scorecardOf(page, lastMonth);
    const hidden = await page.evaluate(() => {
      const { document } = globalThis as unknown as InPage;
      return [...document.querySelectorAll('li.tile button.figure-link')].flatMap((button) => {
        button.focus();
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        const tile = button.closest('li.tile')?.getAttribute('data-tile');
        return hit !== null && button.contains(hit)
          ? []
          : [`${tile}: ${button.textContent} under ${hit?.className}`];
      });
    });
    expect(hidden).toEqual([]);
  }, 120_000);

  it('works by keyboard alone: sign in, evidence, nav, period and as of', async () => {
    await page.goto(`${demo.url}/`);
    await tabTo(page, '#credentials');
    await page.keyboard.type(demo.leaderKey);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Views' }).waitFor({ timeout: 30_000 });
    await scorecardOf(page, periodOf('week', now));

    await tabTo(page, 'main button.figure-link');
    await page.evaluate(() =>
      (globalThis as unknown as InPage).document.activeElement?.setAttribute('data-opener', ''),
    );
    await page.keyboard.press('Enter');
    await evidenceDialog(page).getByTestId('evidence-total').waitFor({ timeout: 30_000 });
    const focusInDialog = () => {
      const { document } = globalThis as unknown as InPage;
      return document.querySelector('dialog[open]')?.contains(document.activeElement);
    };
    expect(await page.evaluate(focusInDialog)).toBe(true);
    await page.keyboard.press('Escape');
    await evidenceDialog(page).waitFor({ state: 'detached' });
    const focusOnOpener = () =>
      (globalThis as unknown as InPage).document.activeElement?.hasAttribute('data-opener');
    expect(await page.evaluate(focusOnOpener)).toBe(true);

    for (const [label, view] of [
      ['Alignment health', 'health'],
      ['What changed', 'changes'],
      ['Weekly huddle', 'huddle'],
      ['Objection gaps', 'objections'],
      ['Campaigns', 'campaigns'],
      ['Retros', 'retros'],
      ['Scorecard', 'scorecard'],
    ]) {
      await tabTo(page, 'nav a', label);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash.startsWith(`#/${view}?`));
      await settled(page);
      expect(await settle(() => page.locator('nav a[aria-current=page]').innerText(), label)).toBe(label);
    }

    await tabTo(page, 'button[aria-label="Previous period"]');
    await page.keyboard.press('Enter');
    await scorecardOf(page, lastWeek);
    await tabTo(page, '#as-of');
    await typeInstant(page, demo.between);
    await tabTo(page, 'button', 'Replay');
    await page.keyboard.press('Enter');
    await page.waitForURL(/asOf=/);
    expect(new URLSearchParams(page.url().split('?')[1]).get('asOf')).toBe(demo.between);
    // The URL changes before the page re-renders: wait for the status.
    await page
      .getByTestId('as-of-status')
      .filter({ hasText: /^Replaying/ })
      .waitFor();
    const then = expectedTiles(await apiScorecard(demo.t, lastWeek, demo.between));
    const ids = ['win-rate', 'lead-sla', 'objection-coverage', 'huddle-cadence'];
    const expected = Object.fromEntries(ids.map((id) => [id, then[id]]));
    expect(await settle(() => shownTiles(page, ids), expected)).toEqual(expected);
    await tabTo(page, 'button', 'Now');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.hash.includes('asOf='));

    await tabTo(page, '.toolbar select');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((url) => /period=\d{4}-\d{2}(&|$)/.test(url.hash));
  }, 180_000);
});
