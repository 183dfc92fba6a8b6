import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

const MAIN = join(process.cwd(), 'dist/apps/ledger-api/src/main.js');

const startService = (env: Record<string, string>) => {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
};

const waitForListening = async (service: { child: ChildProcess; output: () => string }) => {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const match = /listening on (http:\/\/\S+)/.exec(service.output());
    if (match) return match[1].replace('[::1]', '127.0.0.1');
    if (service.child.exitCode !== null) throw new Error(`service exited: ${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`service did not start: ${service.output()}`);
};

/** The built service as `npm start` runs it: embedded default, no DATABASE_URL. */
describe('the service process (embedded default)', () => {
  if (!existsSync(MAIN)) {
    it('needs the build: run through `npm test`, which builds first', () => {
      throw new Error(`${MAIN} is missing`);
    });
    return;
  }

  let dataDir: string;
  let first: ReturnType<typeof startService>;
  let url: string;
  let adminKey: string;
  const authorized = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'ledger-process-')), 'data');
    first = startService({ LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    url = await waitForListening(first);
    adminKey = (await readFile(join(dataDir, 'admin.key'), 'utf8')).trim();
  });

  it('writes its first admin key to admin.key (mode 0600), logs the path last and never the secret', async () => {
    const file = join(dataDir, 'admin.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(adminKey).toMatch(/^lk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    for (let waited = 0; !first.output().includes('Admin key in') && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // After the line that says where the service listens: the last thing a new user reads.
    const output = first.output();
    expect(output.indexOf(`Admin key in ${file}`)).toBeGreaterThan(output.indexOf('listening on'));
    expect(first.output()).not.toContain(adminKey.slice(20));
    expect((await fetch(`${url}/v1/projections`)).status).toBe(401);
    expect((await fetch(`${url}/v1/projections`, { headers: authorized(adminKey) })).status).toBe(200);
  });
  afterAll(async () => {
    first.child.kill('SIGTERM');
    if (first.child.exitCode === null) await once(first.child, 'exit');
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await fetch(`${url}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('a second process on the same data directory exits with a clear message and writes nothing', async () => {
    const registered = await fetch(`${url}/v1/team-members/person-lock/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorized(adminKey) },
      body: JSON.stringify({ displayName: 'Lock Tester', team: 'sales' }),
    });
    expect(registered.status).toBe(201);

    const second = startService({ LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    const [code] = (await once(second.child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(second.output()).toMatch(/in use by another Alignment Ledger process/);

    const stream = await fetch(`${url}/v1/streams/roster/events`, { headers: authorized(adminKey) });
    expect(((await stream.json()) as { events: unknown[] }).events).toHaveLength(1);
  });

  it('stops cleanly on SIGTERM and releases the directory', async () => {
    first.child.kill('SIGTERM');
    const [code] = (await once(first.child, 'exit')) as [number];
    expect(code).toBe(0);
    const next = startService({ LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    const nextUrl = await waitForListening(next);
    // The same key still opens the door; none is made anew.
    expect((await readFile(join(dataDir, 'admin.key'), 'utf8')).trim()).toBe(adminKey);
    const stream = await fetch(`${nextUrl}/v1/streams/roster/events`, { headers: authorized(adminKey) });
    expect(((await stream.json()) as { events: unknown[] }).events).toHaveLength(1);
    next.child.kill('SIGTERM');
    await once(next.child, 'exit');
  });
});
