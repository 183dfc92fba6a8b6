import { CLI, type Run, ledger, needsBuiltCli } from '../support/built-cli.js';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyStore } from '#access';
import type { Scorecard } from '#client';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

/** The same, started in the background: for a run the test interrupts or finishes from outside. */
const ledgerInBackground = (env: Record<string, string>, ...args: string[]) => {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  const run: Run = { code: -1, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => resolve({ ...run, code: code ?? -1 })),
  );
  return { child, run, done };
};

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error('timed out');
};

/** A CSV cell as the API's number reads: empty for null. */
const cellOf = (card: Scorecard, column: string) => {
  const value = column
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key] ?? null, card);
  return value === null ? '' : String(value);
};

const WEEKS = ['2026-W01', '2026-W02', '2026-W03'];

describe.each(backends)(
  'ledger projections, rebuild and scorecard against the running service (%s)',
  (backend) => {
    if (needsBuiltCli()) return;

    let t: TestApp;
    let url: string;
    let admin: Record<string, string>;
    let beforeFacts: string;
    const api = async (period: string): Promise<Scorecard> => {
      const { data } = await (
        await t.client()
      ).GET('/v1/scorecards/{period}', { params: { path: { period } } });
      if (!data) throw new Error(`no scorecard for ${period}`);
      return data;
    };
    const keyWith = async (...scopes: ('read' | 'admin')[]) =>
      (await new ApiKeyStore(t.database).create({ name: `only-${scopes.join('-') || 'none'}`, scopes }))
        .secret;

    beforeAll(async () => {
      t = await startTestApp(backend);
      url = await t.url();
      admin = { LEDGER_API_KEY: t.adminKey };
      beforeFacts = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await registerRoster(t, { sam: 'sales', ana: 'sales', noor: 'marketing' });
      const post = (path: string, body: object) => t.http().post(path).send(body);
      await post('/v1/shared-goals/2026-W02/set', { revenueTarget: 4000, currency: 'EUR', setBy: 'noor' });
      const deal = { currency: 'EUR', owner: 'sam', campaignIds: [] };
      // Week 2 of 2026 runs from Monday 5 to Sunday 11 January.
      await post('/v1/deals/d-1/record', {
        ...deal,
        outcome: 'won',
        amount: 1000,
        closedAt: '2026-01-07T10:00:00Z',
      });
      await post('/v1/deals/d-2/record', {
        ...deal,
        outcome: 'lost',
        amount: 500,
        closedAt: '2026-01-08T10:00:00Z',
      });
      const last = await post('/v1/deals/d-3/record', {
        ...deal,
        outcome: 'won',
        amount: 300,
        closedAt: '2026-01-14T10:00:00Z',
      });
      expect(last.status).toBe(201);
      await (
        await t.client()
      ).GET('/v1/scorecards/{period}', {
        params: { path: { period: '2026-W01' }, query: { minPosition: last.body.globalPosition } },
      });
    });
    afterAll(() => t.close());

    it('projections lists every read model the service keeps, as a table and as JSON', async () => {
      const { data: statuses } = await (await t.client()).GET('/v1/projections');
      const names = (statuses ?? []).map((status) => status.name);
      expect(names.length).toBeGreaterThan(5);
      const table = await ledger({ ...admin, LEDGER_URL: url }, 'projections');
      expect(table.code).toBe(0);
      const [heading, ...rows] = table.stdout.trimEnd().split('\n');
      expect(heading).toMatch(/^NAME +VERSION +CHECKPOINT +LAG +STATE +FAILURE$/);
      expect(rows.map((row) => row.split(/ +/)[0])).toEqual(names);
      expect(rows.every((row) => / running$/.test(row))).toBe(true);
      const json = await ledger(admin, 'projections', '--url', url, '--format', 'json');
      expect((JSON.parse(json.stdout) as { name: string }[]).map((status) => status.name)).toEqual(names);
    });

    it('rebuild follows the rebuild to its verdict: the checksum matches the live model, exit 0', async () => {
      const rebuilt = await ledger(admin, 'rebuild', 'scorecard-facts', '--url', url);
      expect(rebuilt.code).toBe(0);
      const { data } = await (
        await t.client()
      ).GET('/v1/projections/{name}', { params: { path: { name: 'scorecard-facts' } } });
      expect(data?.rebuild).toMatchObject({ state: 'swapped', matchesLive: true });
      expect(rebuilt.stdout).toBe(
        `scorecard-facts rebuilt: ${data?.rebuild?.processed} events in ${rebuilt.stdout.match(/in (\d+\.\d) s/)?.[1]} s, checksum ${data?.rebuild?.checksum?.slice(0, 12)}… matches the live model\n`,
      );
      expect(rebuilt.stderr).toMatch(/scorecard-facts \[.*\] \d+\/\d+ events/);
    });

    it('rebuild follows one already running (how an interrupted follow resumes); SIGINT stops following with exit 130', async () => {
      const progress = { state: 'building', processed: 3, total: 9, eventsPerSecond: 2, etaSeconds: 3 };
      const running = { ...progress, startedAt: new Date().toISOString() };
      await t.database.query(`INSERT INTO projection_rebuilds (name, progress) VALUES ('retro-board', $1)`, [
        JSON.stringify(running),
      ]);
      try {
        const interrupted = ledgerInBackground(admin, 'rebuild', 'retro-board', '--url', url);
        await until(() => interrupted.run.stderr.includes('3/9 events'));
        interrupted.child.kill('SIGINT');
        const stopped = await interrupted.done;
        expect(stopped.code).toBe(130);
        expect(stopped.stderr).toContain('a rebuild of retro-board is already running: following it');
        expect(stopped.stderr).toContain('Run `ledger rebuild retro-board` again to follow it');
        expect(stopped.stdout).toBe('');

        const resumed = ledgerInBackground(admin, 'rebuild', 'retro-board', '--url', url);
        await until(() => resumed.run.stderr.includes('3/9 events'));
        const swapped = {
          ...running,
          state: 'swapped',
          processed: 9,
          finishedAt: new Date(Date.parse(running.startedAt) + 2500).toISOString(),
          checksum: 'abcdef0123456789',
          liveChecksum: 'abcdef0123456789',
          matchesLive: true,
        };
        await t.database.query(`UPDATE projection_rebuilds SET progress = $1 WHERE name = 'retro-board'`, [
          JSON.stringify(swapped),
        ]);
        const finished = await resumed.done;
        expect(finished.stdout).toBe(
          'retro-board rebuilt: 9 events in 2.5 s, checksum abcdef012345… matches the live model\n',
        );
        expect(finished.code).toBe(0);
      } finally {
        await t.database.query(`DELETE FROM projection_rebuilds WHERE name = 'retro-board'`);
      }
    });

    it('scorecard writes a CSV header and one row per week, each the numbers GetScorecard answers', async () => {
      const run = await ledger(admin, 'scorecard', '--from', WEEKS[0], '--to', WEEKS[2], '--url', url);
      expect(run.code).toBe(0);
      expect(run.stdout.endsWith('\r\n')).toBe(true);
      const [header, ...rows] = run.stdout.trimEnd().split('\r\n');
      const columns = header.split(',');
      expect(columns.slice(0, 1)).toEqual(['period']);
      expect(columns).toEqual(expect.arrayContaining(['revenue.won', 'deals.won', 'leads.breached']));
      expect(rows.map((row) => row.split(',')[0])).toEqual(WEEKS);
      for (const [i, row] of rows.entries()) {
        const card = await api(WEEKS[i]);
        expect(row.split(',')).toEqual(columns.map((column) => cellOf(card, column)));
      }
      // Week 2: deal d-1 won (1000) and d-2 lost; against the goal of 4000 set for that week.
      const week2 = Object.fromEntries(columns.map((column, i) => [column, rows[1].split(',')[i]]));
      expect(week2).toMatchObject({
        'revenue.won': '1000',
        'deals.won': '1',
        'deals.lost': '1',
        'deals.winRate': '0.5',
        'goal.revenueTarget': '4000',
        'revenue.attainment': '0.25',
      });
      expect(rows[2].split(',')[columns.indexOf('revenue.won')]).toBe('300');
    });

    it('scorecard --format json writes one object a line, keyed like the CSV; --as-of before the facts gives zeros', async () => {
      const json = await ledger(
        admin,
        'scorecard',
        '--from',
        WEEKS[0],
        '--to',
        WEEKS[2],
        '--format',
        'json',
        '--url',
        url,
      );
      expect(json.code).toBe(0);
      const rows = json.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(rows.map((row) => row.period)).toEqual(WEEKS);
      expect(rows[1]).toMatchObject({ 'revenue.won': 1000, 'deals.won': 1, 'goal.revenueTarget': 4000 });
      expect(rows[0]['revenue.attainment']).toBeNull();

      const before = await ledger(
        admin,
        'scorecard',
        '--from',
        WEEKS[1],
        '--to',
        WEEKS[1],
        '--as-of',
        beforeFacts,
        '--url',
        url,
      );
      expect(before.code).toBe(0);
      const [, row] = before.stdout.trimEnd().split('\r\n');
      const [period, ...cells] = row.split(',');
      expect(period).toBe(WEEKS[1]);
      expect(cells.every((cell) => cell === '0' || cell === '')).toBe(true);
      expect(cells.filter((cell) => cell === '0').length).toBeGreaterThan(10);
    });

    it('scorecard --out resumes an interrupted file: only the missing periods are appended', async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'ledger-scorecard-')), 'weeks.csv');
      const args = ['--url', url, '--out', out, '--from', '2026-W01'];
      expect((await ledger(admin, 'scorecard', ...args, '--to', '2026-W02')).code).toBe(0);
      const firstRun = await readFile(out, 'utf8');
      expect(firstRun.split('\r\n')).toHaveLength(4); // header, two rows, and the end of the last line
      await appendFile(out, '2026-W0'); // killed in the middle of a row
      const resumed = await ledger(admin, 'scorecard', ...args, '--to', '2026-W04');
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain(
        `${out} already holds 2 of 4 periods (to 2026-W02): appending the other 2`,
      );
      expect(resumed.stderr).toContain('dropped an unfinished last line');
      const whole = await readFile(out, 'utf8');
      expect(whole.startsWith(firstRun)).toBe(true);
      const rows = whole.trimEnd().split('\r\n').slice(1);
      expect(rows.map((row) => row.split(',')[0])).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04']);
      const again = await ledger(admin, 'scorecard', ...args, '--to', '2026-W04');
      expect(again.stderr).toContain('already holds every period');
      expect(await readFile(out, 'utf8')).toBe(whole);

      await writeFile(out, 'period,something.else\r\n2026-W01,3\r\n');
      const foreign = await ledger(admin, 'scorecard', ...args, '--to', '2026-W04');
      expect(foreign.code).toBe(2);
      expect(foreign.stderr).toContain('holds something other than this table');
      expect(await readFile(out, 'utf8')).toBe('period,something.else\r\n2026-W01,3\r\n');
    });

    it('explains what is wrong: no key (2), a bad range (2), no service (1), a key without the scope (1)', async () => {
      const noKey = await ledger({}, 'projections', '--url', url);
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toContain('set LEDGER_API_KEY');
      const mixed = await ledger(admin, 'scorecard', '--from', '2026-W01', '--to', '2026-03', '--url', url);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toContain('give both in weeks, months or quarters');

      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as { port: number };
      await new Promise((resolve) => closed.close(resolve));
      const nobody = await ledger(admin, 'projections', '--url', `http://127.0.0.1:${port}`);
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toContain(`cannot reach the ledger at http://127.0.0.1:${port} (ECONNREFUSED)`);

      const reader = { LEDGER_API_KEY: await keyWith('read') };
      const refused = await ledger(reader, 'rebuild', 'campaign-view', '--url', url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^the ledger refused RebuildProjection with 403 The caller may not do this: key \w+ \(only-read\) needs admin/,
      );
      const nothing = { LEDGER_API_KEY: await keyWith() };
      const unread = await ledger(nothing, 'scorecard', '--from', '2026-Q1', '--to', '2026-Q2', '--url', url);
      expect(unread.code).toBe(1);
      expect(unread.stderr).toContain('needs read');
      expect(unread.stdout).toBe('');
    });
  },
);
