import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { ensureChromium } from '../support/chromium.js';
import type { Scorecard } from '#client';
import { parsePeriod, periodOf } from '#domain';
import { CLI, ledger } from '../support/built-cli.js';
import { type TestApp, startTestApp } from '../support/test-app.js';

/** The little of the DOM the functions run in the page use: the suites compile for Node, without lib "dom". */
export interface PageElement {
  textContent: string | null;
  className: string;
  innerText: string;
  matches(css: string): boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  contains(other: PageElement | null): boolean;
  closest(css: string): PageElement | null;
  focus(): void;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}
/** The page's globals, as `(globalThis as unknown as InPage)` inside a function run in the page. */
export interface InPage {
  document: {
    activeElement: PageElement | null;
    body: PageElement;
    querySelector(css: string): PageElement | null;
    querySelectorAll(css: string): ArrayLike<PageElement> & Iterable<PageElement>;
    elementFromPoint(x: number, y: number): PageElement | null;
  };
  location: { hash: string };
}

/** The page `npm run build` leaves for the service to serve at /. */
export const DASHBOARD = join(process.cwd(), 'dist/dashboard/index.html');

/**
 * Inside a describe: without the built dashboard (or CLI, which posts the
 * demo) a failing test says so and the caller returns, never a silent skip.
 */
export const needsBuiltDashboard = (): boolean => {
  const missing = [DASHBOARD, CLI].filter((file) => !existsSync(file));
  if (missing.length === 0) return false;
  it('needs the build: run `npm run build` (or `npm test`, which builds first)', () => {
    throw new Error(`${missing.join(' and ')} missing`);
  });
  return true;
};

/** Debian's Chromium, with the flags this closed network needs (no QUIC, no background calls home). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: ensureChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The datetime-local fields in a known order: mm/dd/yyyy, hh:mm:ss AM (see typeInstant).
      '--lang=en-US',
    ],
  });

/** UTC, so the datetime-local inputs' local time is UTC. */
export const newContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });

/** An instant as a datetime-local input holds it in UTC: 2026-11-20T10:30:45. */
export const localInput = (iso: string): string => iso.slice(0, 19);

/** The period before one, of the same kind. */
export const previousPeriod = (period: string): string => {
  const parsed = parsePeriod(period);
  if (parsed === null) throw new RangeError(`${period} is not a period`);
  return periodOf(parsed.kind, new Date(Date.parse(parsed.start) - 1).toISOString());
};

export interface Demo {
  t: TestApp;
  url: string;
  /** A whole second in the pause between the demo's two sittings (the datetime-local input has seconds). */
  between: string;
  leaderKey: string;
  viewerKey: string;
  /** The display names the demo registered, as the admin key reads them. */
  names: string[];
}

const match = (stdout: string, pattern: RegExp, what: string): string => {
  const found = pattern.exec(stdout)?.[1];
  if (found === undefined) throw new Error(`the demo did not say ${what}:\n${stdout}`);
  return found;
};

/** The service on PGlite with `ledger demo` posted into it. */
export const startDemo = async (): Promise<Demo> => {
  const t = await startTestApp('pglite');
  const url = await t.url();
  const run = await ledger({ LEDGER_URL: url, LEDGER_API_KEY: t.adminKey }, 'demo');
  if (run.code !== 0) throw new Error(`ledger demo failed (${run.code}): ${run.stderr}`);
  const instant = match(run.stdout, /set the dashboard's as-of to (\S+) to see/, 'the as-of instant');
  // The sittings are 1.5 s apart and the instant is in the middle: its nearest second is still between.
  const between = new Date(Math.round(Date.parse(instant) / 1000) * 1000).toISOString();
  const { data } = await (await t.client()).GET('/v1/team-members');
  const names = (data?.members ?? []).flatMap((m) => (m.displayName ? [m.displayName] : []));
  if (names.length === 0) throw new Error('the admin key reads no display names');
  return {
    t,
    url,
    between,
    leaderKey: match(run.stdout, /leader key \(read, personal-data\): (lk_\S+)/, 'the leader key'),
    viewerKey: match(run.stdout, /viewer key \(read\): (lk_\S+)/, 'the viewer key'),
    names,
  };
};

/** The scorecard the API answers with the admin key, now or as of an instant (checked against the served document). */
export const apiScorecard = async (t: TestApp, period: string, asOf?: string | null): Promise<Scorecard> => {
  const query = asOf ? { asOf } : {};
  const { data, error } = await (
    await t.client()
  ).GET('/v1/scorecards/{period}', { params: { path: { period }, query } });
  if (!data) throw new Error(`GET /v1/scorecards/${period}: ${JSON.stringify(error)}`);
  return data;
};

/** A figure of the card by its path ("leads.breached"). */
export const figure = (card: Scorecard, metric: string): number => {
  const [section, name] = metric.split('.');
  return (card as unknown as Record<string, Record<string, number>>)[section][name];
};

const ratio = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
/** The headline figures as a reader should see them, computed from the API's answer (not the page's code). */
export const expectedTiles = (card: Scorecard): Record<string, string> => ({
  'win-rate': ratio(card.deals.winRate),
  'lead-sla': ratio(card.leads.slaCompliance),
  'objection-coverage': ratio(card.objections.coverage),
  'huddle-cadence': ratio(card.huddles.weeklyCadence),
  briefing: ratio(card.campaigns.briefingCoverage),
  attainment: ratio(card.revenue.attainment),
  reviewed: `${card.campaigns.reviewedBeforeLaunch} of ${card.campaigns.launched}`,
  overdue: String(card.actionItems.overdue),
  celebrations: String(card.celebrations.joint),
});

/** The figures the page shows in its tiles, by tile id. */
export const shownTiles = async (page: Page, ids: string[]): Promise<Record<string, string>> =>
  Object.fromEntries(
    await Promise.all(
      ids.map(async (id) => [id, (await page.getByTestId(`figure-${id}`).textContent()) ?? '']),
    ),
  );

/**
 * Reads until the value settles on what is expected (a view re-renders as its
 * answers arrive), then answers the last value read, for `expect` to judge.
 */
export const settle = async <T>(read: () => Promise<T>, expected: T, timeout = 20_000): Promise<T> => {
  const until = Date.now() + timeout;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
};

/** Whether the scorecard of a period has loaded (the table of every figure names its period). */
export const scorecardOf = (page: Page, period: string): Promise<unknown> =>
  page
    .locator('table.figures caption', { hasText: `Every counted figure of ${period}:` })
    .waitFor({ timeout: 30_000 });

export const signIn = async (page: Page, url: string, key: string): Promise<void> => {
  await page.goto(`${url}/`);
  await page.getByLabel('API key or access token (scope read)').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Views' }).waitFor({ timeout: 30_000 });
};

/** Goes to a route of the page (the hash) and waits until nothing is loading. */
export const visit = async (page: Page, hash: string): Promise<void> => {
  await page.evaluate((to) => {
    (globalThis as unknown as InPage).location.hash = to;
  }, hash);
  await settled(page);
};

/** Nothing says "Loading…" (every answer arrived), and no problem is shown. */
export const settled = async (page: Page): Promise<void> => {
  await page.waitForTimeout(100);
  await page
    .locator('[role=status]', { hasText: 'Loading' })
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
  const problems = await page.locator('main .problem[role=alert]').allTextContents();
  if (problems.length > 0) throw new Error(`the page shows problems: ${problems.join('; ')}`);
};

export const evidenceDialog = (page: Page): Locator => page.locator('dialog[open]');

/** Opens the evidence of a figure button (a click, or a key) and answers the total and rows it shows. */
export const openEvidence = async (
  button: Locator,
  press?: string,
): Promise<{ title: string; total: number; rows: number }> => {
  const label = await button.innerText();
  if (press === undefined) await button.click();
  else await button.press(press);
  const dialog = evidenceDialog(button.page());
  await dialog.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`${press ?? 'a click'} on the figure "${label}" opened no evidence dialog`);
  });
  const total = dialog.getByTestId('evidence-total');
  await dialog.locator('[data-testid=evidence-total], .problem').first().waitFor({ timeout: 30_000 });
  if (!(await total.isVisible())) throw new Error(`the evidence did not load: ${await dialog.innerText()}`);
  return {
    title: await dialog.getByRole('heading').innerText(),
    total: Number(await total.textContent()),
    rows: await dialog.locator('table.events tbody tr').count(),
  };
};

/** axe's violations of every impact, said with view, id, targets and help; and the serious or critical ones. */
export const axeViolations = async (
  page: Page,
  view: string,
): Promise<{ all: string[]; grave: string[] }> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const say = (v: (typeof violations)[number]) =>
    `[${view}] ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.helpUrl}) — ${v.nodes
      .slice(0, 6)
      .map((n) => n.target.join(' '))
      .join(', ')}${v.nodes.length > 6 ? `, and ${v.nodes.length - 6} more` : ''}`;
  return {
    all: violations.map(say),
    grave: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(say),
  };
};

/** The text a reader can see or hear: the body's text and its attributes that are read aloud or shown. */
export const pageText = async (page: Page): Promise<string> => {
  const read = ['title', 'aria-label', 'alt', 'placeholder'];
  const attributes = await page
    .locator(read.map((name) => `[${name}]`).join(','))
    .evaluateAll((all, names) => all.map((e) => names.map((n) => e.getAttribute(n) ?? '').join(' ')), read);
  return `${await page.locator('body').innerText()}\n${attributes.join('\n')}`;
};

/** Presses Tab until the focused element matches a selector (and holds a text); fails past `max` presses. */
export const tabTo = async (page: Page, selector: string, text = '', max = 120): Promise<void> => {
  const focused = () =>
    page.evaluate(
      ([css, words]) => {
        const active = (globalThis as unknown as InPage).document.activeElement;
        return active !== null && active.matches(css) && (active.textContent ?? '').includes(words);
      },
      [selector, text],
    );
  for (let presses = 0; !(await focused()); presses += 1) {
    if (presses >= max) throw new Error(`Tab never reached ${selector} ${text}`);
    await page.keyboard.press('Tab');
  }
};

/** Types an instant (UTC) into the focused datetime-local input, field by field, as a reader would. */
export const typeInstant = async (page: Page, iso: string): Promise<void> => {
  const [date, time] = localInput(iso).split('T');
  const [year, month, day] = date.split('-');
  const [hours, minutes, seconds] = time.split(':').map(Number);
  const twelve = String(hours % 12 === 0 ? 12 : hours % 12).padStart(2, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  // The year field takes up to six digits: the arrow moves on to the hours.
  await page.keyboard.type(`${month}${day}${year}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(`${twelve}${pad(minutes)}${pad(seconds)}${hours < 12 ? 'A' : 'P'}`);
};
