/**
 * The dashboard's weight and speed: the gzip size of what the browser loads,
 * and how long the scorecard takes to first render (its tiles) and to draw its
 * trends, in Debian's Chromium against the built service on PGlite filled by
 * `ledger demo`. With --screenshots <dir>, also writes the README's pictures.
 * Usage: npm run bench:dashboard [-- --runs 10 --screenshots docs]
 * The service runs on PGlite even when DATABASE_URL is set. Without Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium) only the sizes are measured.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { periodOf } from '#domain/period';
import { type BenchRow, latencyRow, runIfMain } from './bench-table.js';

export interface DashboardOptions {
  runs: number;
  /** A directory to write the README's screenshots to. */
  screenshots?: string;
}

const PORT = 3917;
const URL = `http://127.0.0.1:${PORT}`;
const ASSETS = join(process.cwd(), 'dist/dashboard');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'].concat([
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** The gzip size of each file the browser loads, and their total, in KiB. */
const gzipSizes = async (): Promise<BenchRow> => {
  const files = ['index.html', ...(await readdir(join(ASSETS, 'assets'))).map((f) => `assets/${f}`)].filter(
    (f) => !f.endsWith('.map') && !f.endsWith('.txt'),
  );
  let total = 0;
  const lines = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(join(ASSETS, file));
      const gzip = gzipSync(bytes).length;
      total += gzip;
      return `${file} ${(gzip / 1024).toFixed(1)}`;
    }),
  );
  return {
    backend: '-',
    figure: 'dashboard assets, gzip total',
    value: total / 1024,
    unit: 'KiB',
    note: lines.join(', '),
  };
};

const startService = async (dataDir: string): Promise<ChildProcess> => {
  const service = spawn(process.execPath, ['dist/apps/ledger-api/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      LEDGER_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 240; i += 1) {
    const ready = await fetch(`${URL}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return service;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the service did not become ready');
};

/** Posts the demo history; answers the leader key it prints. */
const fillWithDemo = async (dataDir: string): Promise<string> => {
  const adminKey = (await readFile(join(dataDir, 'admin.key'), 'utf8')).trim();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['dist/apps/ledger-cli/src/main.js', 'demo'],
    {
      env: { ...process.env, LEDGER_URL: URL, LEDGER_API_KEY: adminKey },
    },
  );
  const leader = /leader key[^:]*: (lk_\S+)/.exec(stdout)?.[1];
  if (!leader) throw new Error(`no leader key in the demo's output:\n${stdout}`);
  return leader;
};

/** The page finds the key where its sign-in form leaves it. */
const signedIn = (key: string) =>
  `sessionStorage.setItem('alignment-ledger.credentials', ${JSON.stringify(key)})`;

/** Milliseconds from navigation to the first tile, and to every tile's trend drawn. */
const firstRender = async (browser: Browser, key: string, hash: string) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: signedIn(key) });
  const page = await context.newPage();
  await page.goto(`${URL}/${hash}`);
  await page.locator('[data-testid=figure-attainment]').waitFor();
  const tiles = await page.evaluate(() => performance.now());
  await page.locator('.tile .trend canvas').nth(9).waitFor();
  const trends = await page.evaluate(() => performance.now());
  await context.close();
  return { tiles, trends };
};

const screenshots = async (browser: Browser, key: string, dir: string, week: string) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  await context.addInitScript({ content: signedIn(key) });
  const page = await context.newPage();
  for (const [name, hash, ready] of [
    ['scorecard', `#/scorecard?period=${week}`, '.tile .trend canvas'],
    ['health', '#/health', '.sign'],
    ['huddle', `#/huddle?period=${week}`, 'table.action-items'],
  ] as const) {
    await page.goto(`${URL}/${hash}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(dir, `dashboard-${name}.png`), fullPage: name !== 'huddle' });
    console.log(`wrote ${join(dir, `dashboard-${name}.png`)}`);
  }
  await context.close();
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const launchChromium = () =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((error: Error) => {
    console.error(`Chromium at ${CHROMIUM} did not start: ${error.message.split('\n')[0]}`);
    return null;
  });

/** Page loads of last week's scorecard (a whole week of demo history), ms from navigation. */
const renderRows = async (browser: Browser, key: string, o: DashboardOptions): Promise<BenchRow[]> => {
  const week = periodOf('week', new Date(Date.now() - 7 * 86_400_000).toISOString());
  const samples: { tiles: number; trends: number }[] = [];
  for (let i = 0; i < o.runs; i += 1)
    samples.push(await firstRender(browser, key, `#/scorecard?period=${week}`));
  if (o.screenshots) await screenshots(browser, key, o.screenshots, week);
  const note = `${o.runs} page loads of the ${week} scorecard, demo data`;
  const row = (figure: string, at: (sample: { tiles: number; trends: number }) => number) =>
    latencyRow('PGlite', figure, samples.map(at), note, 0);
  return [
    row('scorecard tiles rendered', (s) => s.tiles),
    row('scorecard 12-period trends drawn', (s) => s.trends),
  ];
};

export const run = async (options: Partial<DashboardOptions> = {}): Promise<BenchRow[]> => {
  const o: DashboardOptions = { runs: 10, ...options };
  const rows = [await gzipSizes()];
  const browser = await launchChromium();
  if (!browser) {
    const note = `not measured: Chromium at ${CHROMIUM} did not start (set CHROMIUM_PATH)`;
    return [...rows, { backend: 'PGlite', figure: 'scorecard first render', value: NaN, unit: 'ms', note }];
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-dashboard-bench-'));
  let service: ChildProcess | undefined;
  try {
    service = await startService(dataDir);
    return [...rows, ...(await renderRows(browser, await fillWithDemo(dataDir), o))];
  } finally {
    await browser.close();
    service?.kill('SIGTERM');
    await new Promise((resolve) =>
      service?.exitCode === null ? service.once('exit', resolve) : resolve(null),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
};

runIfMain(import.meta.url, 'dashboard', () => {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '10' }, screenshots: { type: 'string' } },
  });
  return run({ runs: Number(values.runs), screenshots: values.screenshots });
});
