#!/usr/bin/env node
// `npm run demo` (after `npm run build`): the service on its usual configuration (embedded PGlite in
// LEDGER_DATA_DIR unless DATABASE_URL is set), twelve weeks of demo history posted into it by
// `ledger demo` when it is empty, then the service kept in the foreground.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';

const SERVICE = 'dist/apps/ledger-api/src/main.js';
const CLI = 'dist/apps/ledger-cli/src/main.js';
const READY_TIMEOUT_MS = 60_000;

const port = process.env.PORT || '3000';
if (port === '0') {
  process.stderr.write('npm run demo needs a fixed PORT (it tells you where the dashboard is), not 0\n');
  process.exit(2);
}
const host = process.env.HOST;
const reachableHost = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const baseUrl = `http://${reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost}:${port}`;
const dataDir = process.env.LEDGER_DATA_DIR || './data';

// Its own process group: a Ctrl-C reaches it once, forwarded below, so it shuts down gracefully.
const service = spawn(process.execPath, [SERVICE], {
  env: process.env,
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
// Its log is held while the demo is posted, so that the output ends with the keys rather than
// hundreds of request lines; shown if anything fails, dropped otherwise.
let heldLog = '';
const holdLog = (chunk) => (heldLog += chunk);
service.stdout.on('data', holdLog);
const followLog = ({ withHeld }) => {
  service.stdout.off('data', holdLog);
  if (withHeld) process.stdout.write(heldLog);
  service.stdout.pipe(process.stdout);
};

const exitCodeOf = (code, signal) => code ?? 128 + (constants.signals[signal] ?? 0);
const exited = new Promise((resolve) =>
  service.on('exit', (code, signal) => resolve(exitCodeOf(code, signal))),
);
// One signal only: a second one during the drain would end it at once.
let signalled = false;
const shutDown = (signal) => {
  if (signalled || service.exitCode !== null || service.signalCode !== null) return;
  signalled = true;
  service.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shutDown(signal));
process.on('exit', () => shutDown('SIGTERM'));

const stop = async (message, code) => {
  process.stderr.write(`${message}\n`);
  followLog({ withHeld: true });
  shutDown('SIGTERM');
  await exited;
  process.exit(code);
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /health/ready answers 200 once the store, the database and every projection are up. */
const waitUntilReady = async () => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (service.exitCode !== null || service.signalCode !== null) return false;
    const ready = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return true;
    await sleep(250);
  }
  return false;
};

/** The bootstrap key when one is configured, else the admin.key the embedded default writes on a first start. */
const adminKey = async () => {
  if (process.env.LEDGER_BOOTSTRAP_ADMIN_KEY) return process.env.LEDGER_BOOTSTRAP_ADMIN_KEY;
  const file = join(dataDir, 'admin.key');
  return readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
};

/** `ledger demo`, its output shown as it comes and kept, to tell whether it posted (and made keys). */
const runDemo = (key) =>
  new Promise((resolve) => {
    const cli = spawn(process.execPath, [CLI, 'demo'], {
      env: { ...process.env, LEDGER_URL: baseUrl, LEDGER_API_KEY: key },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    cli.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    cli.on('exit', (code, signal) => resolve({ code: exitCodeOf(code, signal), output }));
  });

if (!(await waitUntilReady())) {
  const why = service.exitCode === null ? `not ready within ${READY_TIMEOUT_MS / 1000} s` : 'stopped';
  await stop(`the ledger service ${why} (its log follows)`, service.exitCode || 1);
}
const key = await adminKey();
if (key === null) {
  await stop(
    `no admin key: ${join(dataDir, 'admin.key')} is missing (it is written on the first start of an empty data ` +
      'directory); set LEDGER_BOOTSTRAP_ADMIN_KEY to an admin key of this ledger',
    2,
  );
}
const demo = await runDemo(key);
if (demo.code !== 0) await stop('ledger demo failed: the service is stopped', demo.code);
const signIn = demo.output.includes('leader key')
  ? 'sign in with the leader key above'
  : 'sign in with the leader key printed when the demo was first posted';
process.stdout.write(`\nDashboard: http://localhost:${port}/ — ${signIn}\n\n`);
followLog({ withHeld: false });
process.exit(await exited);
