import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Run, ledger, needsBuiltCli } from '../support/built-cli.js';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';

type Item = Record<string, unknown>;

const NOT_JSON = 'this line is not JSON';

/**
 * 30 lines, 29 commands: two people registered, then 25 objections heard by
 * them, among which one with a bad body (line 14), one logging objection 5
 * again with another text (line 21, refused by the decider), a line that is
 * not JSON (22) and a blank line (3). Every id carries the prefix, so one
 * ledger can take the file twice as two different files.
 */
const commandFile = (p: string) => {
  const register = (person: string): Item => ({
    operation: 'RegisterTeamMember',
    path: { personId: `${p}-${person}` },
    body: { displayName: `Name of ${person}`, team: 'sales' },
    idempotencyKey: `${p}-crm-${person}`,
  });
  // Every other objection without a key: the ledger derives one from the content.
  const log = (n: number, text: unknown = `Objection ${n}, heard on a call`): Item => ({
    operation: 'LogObjection',
    path: { objectionId: `${p}-o-${n}` },
    body: { category: 'price', text, heardBy: `${p}-${n % 2 === 0 ? 'sam' : 'ana'}` },
    ...(n % 2 === 0 ? { idempotencyKey: `${p}-crm-o-${n}` } : {}),
  });
  const badBody = log(11, 123);
  const twice = { ...log(5, 'Objection 5, told differently'), idempotencyKey: `${p}-crm-o-5-again` };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => log(from + i));
  const lines = [
    ...[register('sam'), register('ana')].map((item) => JSON.stringify(item)),
    '',
    ...[...range(1, 10), badBody, ...range(12, 17), twice].map((item) => JSON.stringify(item)),
    NOT_JSON,
    ...range(18, 25).map((item) => JSON.stringify(item)),
  ];
  const applied = [
    ['TeamMemberRegistered', `${p}-sam`],
    ['TeamMemberRegistered', `${p}-ana`],
    ...[...range(1, 10), ...range(12, 25)].map((item) => [
      'ObjectionLogged',
      (item.path as Item).objectionId,
    ]),
  ];
  return { text: `${lines.join('\n')}\n`, badBody, twice, applied };
};

const SUMMARY =
  /^(\d+) commands read: (\d+) applied, (\d+) replayed, (\d+) failed, in [\d.]+ s \(\d+ commands\/s\)\n$/;

/** read, applied, replayed, failed from the summary line on stdout. */
const tally = (run: Run) => SUMMARY.exec(run.stdout)?.slice(1).map(Number);

const ndjsonLines = async (file: string): Promise<Item[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Item);

describe.each(backends)('ledger import-commands against a running service (%s)', (backend) => {
  if (needsBuiltCli()) return;

  let t: TestApp;
  let dir: string;
  let env: Record<string, string>;
  const eventsAfter = async (position: number) =>
    (await t.store.readAll({ afterPosition: position })).map((event) => [
      event.type,
      event.data.personId ?? event.data.objectionId,
    ]);
  const importFile = (file: string, ...args: string[]) => ledger(env, 'import-commands', file, ...args);

  beforeAll(async () => {
    // Below the default --batch-size of 1000: the first import meets the 413 and sends 10 a request.
    t = await startTestApp(backend, { LEDGER_BATCH_MAX_COMMANDS: '10' });
    env = { LEDGER_URL: await t.url(), LEDGER_API_KEY: t.adminKey };
    dir = await mkdtemp(join(tmpdir(), 'import-commands-'));
  });
  afterAll(() => t.close());

  const a = commandFile('a');
  const aFile = () => join(dir, 'a.ndjson');
  const aFailures = () => join(dir, 'a-failures.ndjson');

  it('posts every command in order, reports each failure by line, writes them to --failures, exit 1', async () => {
    await writeFile(aFile(), a.text);
    const before = await t.store.headPosition();
    const run = await importFile(aFile(), '--failures', aFailures());
    expect(run.code).toBe(1);
    expect(tally(run)).toEqual([29, 26, 0, 3]);
    expect(run.stderr).toMatch(/import-commands \[.*\] \d+% \| \d+ commands/);
    expect(run.stderr).toMatch(/^line 14 LogObjection: 400 The request is not valid: text must be a string/m);
    expect(run.stderr).toMatch(/^line 21 LogObjection: 409 Objection already logged: /m);
    expect(run.stderr).toMatch(/^line 22: 400 The line is not JSON: /m);
    expect(run.stderr).toContain(`the 3 failed lines, each with its "problem", are in ${aFailures()}`);
    expect(await ndjsonLines(aFailures())).toEqual([
      {
        ...a.badBody,
        problem: expect.objectContaining({
          status: 400,
          type: '/problems/validation-failed',
          errors: expect.arrayContaining([expect.objectContaining({ field: 'text' })]),
        }),
      },
      {
        ...a.twice,
        problem: expect.objectContaining({ status: 409, type: '/problems/objection-already-logged' }),
      },
      { text: NOT_JSON, problem: expect.objectContaining({ status: 400, type: '/problems/malformed-json' }) },
    ]);
    expect(await eventsAfter(before)).toEqual(a.applied);
  });

  it('run again, every good command is replayed and nothing is appended', async () => {
    const head = await t.store.headPosition();
    const again = await importFile(aFile(), '--failures', aFailures());
    expect(again.code).toBe(1);
    expect(tally(again)).toEqual([29, 0, 26, 3]);
    expect(await t.store.headPosition()).toBe(head);
    expect((await ndjsonLines(aFailures())).map((line) => (line.problem as Item).status)).toEqual([
      400, 409, 400,
    ]);
  });

  it('a --batch-size smaller than the file gives the same result', async () => {
    const b = commandFile('b');
    const [file, failures] = [join(dir, 'b.ndjson'), join(dir, 'b-failures.ndjson')];
    await writeFile(file, b.text);
    const before = await t.store.headPosition();
    const run = await importFile(file, '--batch-size', '7', '--failures', failures);
    expect(run.code).toBe(1);
    expect(tally(run)).toEqual([29, 26, 0, 3]);
    expect(await eventsAfter(before)).toEqual(b.applied);
    const withoutDetail = (lines: Item[]) =>
      lines.map(({ problem, ...line }) => ({ ...line, problem: (problem as Item).type }));
    const inA = JSON.stringify(withoutDetail(await ndjsonLines(aFailures())));
    expect(withoutDetail(await ndjsonLines(failures))).toEqual(JSON.parse(inA.replaceAll('"a-', '"b-')));
  });

  it('imports a fixed failures file as it is (its "problem" fields are dropped)', async () => {
    const [fixed] = await ndjsonLines(aFailures());
    const file = join(dir, 'fixed.ndjson');
    await writeFile(
      file,
      `${JSON.stringify({ ...fixed, body: { ...(fixed.body as Item), text: 'Fixed' } })}\n`,
    );
    const before = await t.store.headPosition();
    const run = await importFile(file);
    expect(run.code).toBe(0);
    expect(tally(run)).toEqual([1, 1, 0, 0]);
    expect(await eventsAfter(before)).toEqual([['ObjectionLogged', 'a-o-11']]);
  });

  it('a missing file, a missing LEDGER_API_KEY or a bad --batch-size is a usage error (exit 2), nothing posted', async () => {
    const head = await t.store.headPosition();
    const missing = join(dir, 'missing.ndjson');
    expect(await importFile(missing)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `cannot read ${missing}: no such file\n`,
    });
    const noKey = await ledger({ LEDGER_URL: env.LEDGER_URL }, 'import-commands', aFile());
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/^set LEDGER_API_KEY to an API key of the ledger/);
    const badSize = await importFile(aFile(), '--batch-size', 'many');
    expect(badSize.code).toBe(2);
    expect(badSize.stderr).toMatch(/^--batch-size must be a number of commands/);
    expect(await t.store.headPosition()).toBe(head);
  });
});

/** A stand-in for the ledger that answers each batch with `answer`; the bodies it got are kept. */
const fakeLedger = async (answer: (body: string, response: ServerResponse, n: number) => void) => {
  const bodies: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => answer(body, response, bodies.push(body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
};

const busy = (response: ServerResponse) => {
  response.writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '0' });
  response.end(JSON.stringify({ type: '/problems/shutting-down', title: 'Shutting down', status: 503 }));
};

describe('ledger import-commands when the ledger is busy', () => {
  if (needsBuiltCli()) return;

  const file = async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'import-busy-')), 'c.ndjson');
    await writeFile(path, commandFile('c').text.split('\n').slice(0, 5).join('\n'));
    return path;
  };

  it('waits out a 503 (Retry-After) and sends the same batch again', async () => {
    const fake = await fakeLedger((body, response, n) => {
      if (n === 1) return busy(response);
      const results = body
        .split('\n')
        .map((_, index) => ({ index, operation: 'X', status: 201, replayed: n > 2 }));
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ results, succeeded: results.length, failed: 0 }));
    });
    try {
      const run = await ledger(
        { LEDGER_API_KEY: 'lk_test' },
        'import-commands',
        await file(),
        '--url',
        fake.url,
      );
      expect(run.code).toBe(0);
      expect(tally(run)).toEqual([4, 4, 0, 0]);
      expect(fake.bodies).toHaveLength(2);
      expect(fake.bodies[1]).toBe(fake.bodies[0]);
    } finally {
      await fake.close();
    }
  });

  it('gives up after a few attempts, saying how far it got and that running it again is safe', async () => {
    const fake = await fakeLedger((_body, response) => busy(response));
    try {
      const run = await ledger(
        { LEDGER_API_KEY: 'lk_test' },
        'import-commands',
        await file(),
        '--url',
        fake.url,
      );
      expect(run.code).toBe(1);
      expect(fake.bodies.length).toBeGreaterThan(2);
      expect(run.stderr).toContain(
        `gave up on lines 1–5 after ${fake.bodies.length} attempts: 503 Shutting down`,
      );
      expect(run.stderr).toContain('running the same command again is safe');
    } finally {
      await fake.close();
    }
  }, 30_000);
});
