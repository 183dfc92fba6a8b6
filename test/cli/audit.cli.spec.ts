import { createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import { type SignedTreeHead, verifyTreeHead } from '#audit';
import { EventStoreDbEventStore, connectPostgres } from '#event-store';
import { createTestPostgres, startEventStoreDbTestDouble } from '#testing';
import { type TestApp, backends, startTestApp } from '../support/test-app.js';
import {
  ENVELOPE,
  HEADS_OFTEN,
  type ImportTarget,
  asJson,
  emptyTarget,
  eventsIn,
  exportAnotherLedger,
  headOfWholeLog,
  linesOf,
  logOf,
  ledgerWithHistory,
  scratchDir,
  verdict,
} from './audit-cli-support.js';
import { ledger, needsBuiltCli } from '../support/built-cli.js';

describe.each(backends)('ledger export, tree-head, public-key, verify, import (%s)', (backend) => {
  if (needsBuiltCli()) return;
  let t: TestApp;
  let url: string;
  let env: Record<string, string>;
  let dir: string;
  let history: string;
  let head: SignedTreeHead;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    ({ t, url, env, head } = await ledgerWithHistory(backend));
    dir = await scratchDir();
    history = file('history.ndjson');
  });
  afterAll(() => t.close());

  it('export writes the whole log, one event envelope a line, equal to what the store holds', async () => {
    const run = await ledger(env, 'export', '--url', url, '--out', history);
    expect(run.code).toBe(0);
    const size = await t.store.headPosition();
    expect(size).toBeGreaterThanOrEqual(18);
    expect(run.stdout).toBe(`exported ${size} events (positions 1…${size}) to ${history}\n`);
    const exported = await eventsIn(history);
    expect(exported).toEqual(asJson(await t.store.readAll()));
    for (const event of exported) expect(Object.keys(event).sort()).toEqual([...ENVELOPE].sort());
  });

  it('tree-head and public-key save the latest signed head, a kept one by --size, and the key', async () => {
    expect((await ledger(env, 'tree-head', '--url', url, '--out', file('head.json'))).code).toBe(0);
    const saved = JSON.parse(await readFile(file('head.json'), 'utf8')) as SignedTreeHead;
    expect(saved).toEqual((await t.http().get('/v1/audit/tree-head')).body);
    expect(saved).toEqual(head);
    expect(Object.keys(saved).sort()).toEqual(['keyId', 'rootHash', 'signature', 'timestamp', 'treeSize']);
    expect(
      (await ledger(env, 'tree-head', '--url', url, '--size', '5', '--out', file('head5.json'))).code,
    ).toBe(0);
    const five = JSON.parse(await readFile(file('head5.json'), 'utf8')) as SignedTreeHead;
    expect(five).toEqual((await t.http().get('/v1/audit/tree-head?treeSize=5')).body);
    expect(five.treeSize).toBe(5);
    const printed = await ledger(env, 'tree-head', '--url', url);
    expect(JSON.parse(printed.stdout)).toEqual(saved);

    expect((await ledger(env, 'public-key', '--url', url, '--out', file('key.pem'))).code).toBe(0);
    const pem = await readFile(file('key.pem'), 'utf8');
    expect(pem).toBe((await t.as(null).get('/v1/audit/public-key')).body.pem);
    expect(verifyTreeHead(saved, createPublicKey(pem))).toBe(true);
  });

  it('verify of the file, alone or against a saved head and key: OK, exit 0', async () => {
    const alone = await ledger(env, 'verify', history);
    expect(alone.code).toBe(0);
    expect(verdict(alone)).toMatch(/^OK: /);
    for (const saved of ['head.json', 'head5.json']) {
      const run = await ledger(
        env,
        'verify',
        history,
        '--tree-head',
        file(saved),
        '--public-key',
        file('key.pem'),
      );
      expect(run.code).toBe(0);
      expect(verdict(run)).toMatch(/^OK: /);
    }
  });

  it('verify --url checks the log over HTTP against the latest signed head, and --since an older one: OK', async () => {
    const run = await ledger(env, 'verify', '--url', url, '--public-key', file('key.pem'));
    expect(run.code).toBe(0);
    expect(verdict(run)).toMatch(/^OK: /);
    const since = await ledger(env, 'verify', '--url', url, '--since', file('head5.json'));
    expect(since.code).toBe(0);
    expect(verdict(since)).toMatch(/^OK: /);
  });

  it('export resumes an interrupted file after its last complete line: the same file as a fresh export', async () => {
    const whole = await readFile(history, 'utf8');
    const lines = await linesOf(history);
    const cut = file('cut.ndjson');
    await writeFile(cut, `${lines.slice(0, 7).join('\n')}\n${lines[7].slice(0, lines[7].length / 2)}`);
    const resumed = await ledger(env, 'export', '--url', url, '--out', cut);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('resuming after position 7');
    expect(resumed.stdout).toBe(
      `exported ${lines.length - 7} events (positions 8…${lines.length}) to ${cut}\n`,
    );
    expect(await readFile(cut, 'utf8')).toBe(whole);
    expect((await ledger(env, 'export', '--url', url, '--out', cut)).code).toBe(0);
    expect(await readFile(cut, 'utf8')).toBe(whole);
  });

  it('export refuses to resume a file another ledger wrote: exit 1, the file untouched', async () => {
    const theirs = file('other-ledger.ndjson');
    await exportAnotherLedger(theirs);
    const before = await readFile(theirs, 'utf8');
    const refused = await ledger(env, 'export', '--url', url, '--out', theirs);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not this ledger');
    expect(await readFile(theirs, 'utf8')).toBe(before);
  });

  describe('import into an empty ledger', () => {
    let target: ImportTarget;
    const targetLog = async () => logOf(await target.open());
    beforeAll(async () => {
      target = await emptyTarget(backend);
    });
    afterAll(() => target.drop());

    it('checks the whole file first: a broken one exits 1 naming the position, and nothing is written', async () => {
      const lines = await linesOf(history);
      const seventh = JSON.parse(lines[6]) as { data: Record<string, unknown> };
      const key = Object.keys(seventh.data).find((name) => typeof seventh.data[name] === 'string') as string;
      seventh.data[key] = `${String(seventh.data[key])} (altered)`;
      const broken = file('broken.ndjson');
      await writeFile(
        broken,
        `${[...lines.slice(0, 6), JSON.stringify(seventh), ...lines.slice(7)].join('\n')}\n`,
      );
      const run = await ledger(target.env, 'import', broken);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toMatch(/BROKEN: position 7: /);
      expect((await targetLog()).head).toBe(0);
    });

    it('writes the same positions and hashes; an interrupted import (a prefix) is resumed', async () => {
      const prefix = file('prefix.ndjson');
      await writeFile(prefix, `${(await linesOf(history)).slice(0, 10).join('\n')}\n`);
      expect((await ledger(target.env, 'import', prefix)).code).toBe(0);
      expect((await targetLog()).head).toBe(10);
      const run = await ledger(target.env, 'import', history);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('resuming an interrupted import after position 10');
      expect(await targetLog()).toEqual({
        head: await t.store.headPosition(),
        events: asJson(await t.store.readAll()),
      });
    });

    it('a service started on the target signs the same root at the same size, and proves the same', async () => {
      const copy = await startTestApp(backend, HEADS_OFTEN, await target.open());
      try {
        const copied = await headOfWholeLog(copy);
        expect(copied.treeSize).toBe(head.treeSize);
        expect(copied.rootHash).toBe(head.rootHash);
        const proof = `/v1/audit/proofs/consistency?from=5&to=${head.treeSize}`;
        expect((await copy.http().get(proof)).body).toEqual((await t.http().get(proof)).body);
        expect(asJson(await copy.store.readAll())).toEqual(asJson(await t.store.readAll()));
      } finally {
        await copy.close();
      }
    });

    // What it does: the same file into a complete target exits 0 saying there is nothing to
    // import, and writes nothing; another history is refused with exit 1.
    it('the same file again writes nothing new (exit 0); another history is refused (exit 1)', async () => {
      const before = await targetLog();
      const again = await ledger(target.env, 'import', history);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('nothing to import');
      expect(await targetLog()).toEqual(before);
      const foreign = await ledger(target.env, 'import', file('other-ledger.ndjson'));
      expect(foreign.code).toBe(1);
      expect(foreign.stderr).toContain('another history');
      expect(await targetLog()).toEqual(before);
    });
  });
});

describe('the auditors’ CLI on EventStoreDB (the gRPC test double)', () => {
  if (needsBuiltCli()) return;
  let t: TestApp;
  let env: Record<string, string>;
  let url: string;
  let history: string;
  beforeAll(async () => {
    ({ t, url, env } = await ledgerWithHistory('eventstoredb'));
    history = join(await scratchDir(), 'history.ndjson');
  });
  afterAll(() => t.close());

  it('export writes what the store holds, and verify --url says OK', async () => {
    expect((await ledger(env, 'export', '--url', url, '--out', history)).code).toBe(0);
    expect(await eventsIn(history)).toEqual(asJson(await t.store.readAll()));
    const run = await ledger(env, 'verify', '--url', url);
    expect(run.code).toBe(0);
    expect(verdict(run)).toMatch(/^OK: /);
  });

  it('import into a fresh EventStoreDB reproduces the positions and hashes', async () => {
    const double = await startEventStoreDbTestDouble();
    const db = await createTestPostgres();
    try {
      const run = await ledger(
        {
          EVENT_STORE: 'eventstoredb',
          EVENTSTORE_CONNECTION_STRING: double.connectionString,
          DATABASE_URL: db.url,
        },
        'import',
        history,
      );
      expect(run.code).toBe(0);
      const client = EventStoreDBClient.connectionString(double.connectionString);
      const copy = await EventStoreDbEventStore.open(client, connectPostgres(db.url, 2));
      try {
        expect(await copy.headPosition()).toBe(await t.store.headPosition());
        expect(asJson(await copy.readAll())).toEqual(asJson(await t.store.readAll()));
      } finally {
        await copy.close();
      }
    } finally {
      await double.close();
      await db.close();
    }
  });
});
