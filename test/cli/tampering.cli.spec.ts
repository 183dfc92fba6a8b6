import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type SignedTreeHead, signTreeHead } from '#audit';
import { type TestApp, backends } from '../support/test-app.js';
import {
  eventsIn,
  headOfWholeLog,
  linesOf,
  logObjections,
  rebuildMerkleTree,
  ledgerWithHistory,
  rootOf,
  scratchDir,
  verdict,
} from './audit-cli-support.js';
import { type Run, ledger, needsBuiltCli } from '../support/built-cli.js';

/** A verdict of exit 1 naming the first bad position. */
const expectBrokenAt = (run: Run, position: number) => {
  expect(verdict(run)).toMatch(new RegExp(`^BROKEN: position ${position}: `));
  expect(run.code).toBe(1);
};

describe.each(backends)('ledger verify finds tampering and names the first bad position (%s)', (backend) => {
  if (needsBuiltCli()) return;
  let t: TestApp;
  let url: string;
  let env: Record<string, string>;
  let dir: string;
  let saved: SignedTreeHead;
  let exports = 0;
  const file = (name: string) => join(dir, name);
  const sql = (text: string, params?: unknown[]) => t.database.query(text, params);
  const exportNew = async (): Promise<string> => {
    exports += 1;
    const out = file(`export-${exports}.ndjson`);
    const run = await ledger(env, 'export', '--url', url, '--out', out);
    expect(run.code).toBe(0);
    return out;
  };
  const verifyUrl = () => ledger(env, 'verify', '--url', url, '--public-key', file('key.pem'));
  const verifyFile = (history: string, head = 'head.json') =>
    ledger(env, 'verify', history, '--tree-head', file(head), '--public-key', file('key.pem'));
  /** Puts the log back as it was recorded, whatever a test did to its rows. */
  const untampered = async (tamper: () => Promise<unknown>, check: () => Promise<void>) => {
    await tamper();
    try {
      await check();
    } finally {
      await sql('DELETE FROM ledger_events');
      await sql('INSERT INTO ledger_events SELECT * FROM tamper_backup');
    }
  };

  beforeAll(async () => {
    ({ t, url, env, head: saved } = await ledgerWithHistory(backend));
    dir = await scratchDir();
    expect((await ledger(env, 'tree-head', '--url', url, '--out', file('head.json'))).code).toBe(0);
    expect((await ledger(env, 'public-key', '--url', url, '--out', file('key.pem'))).code).toBe(0);
    await sql('CREATE TABLE tamper_backup AS SELECT * FROM ledger_events');
  });
  afterAll(() => t.close());

  it('the untampered log verifies, over HTTP and as an export', async () => {
    expect(verdict(await verifyUrl())).toMatch(/^OK: /);
    expect(verdict(await verifyFile(await exportNew()))).toMatch(/^OK: /);
  });

  it('(a) a data field altered in SQL at position 7', async () => {
    const [seventh] = await t.store.readAll({ afterPosition: 6, maxCount: 1 });
    const data = seventh.data as Record<string, unknown>;
    const field = Object.keys(data).find((name) => typeof data[name] === 'string') as string;
    const altered = `${String(data[field])} (altered)`;
    await untampered(
      () =>
        sql(
          `UPDATE ledger_events SET data = jsonb_set(data, $1::text[], to_jsonb($2::text)) WHERE global_position = 7`,
          [[field], altered],
        ),
      async () => {
        const [changed] = await t.store.readAll({ afterPosition: 6, maxCount: 1 });
        expect((changed.data as Record<string, unknown>)[field]).toBe(altered);
        expectBrokenAt(await verifyUrl(), 7);
        expectBrokenAt(await verifyFile(await exportNew()), 7);
      },
    );
  });

  it('(b) the event at position 9 deleted in SQL', async () => {
    await untampered(
      () => sql('DELETE FROM ledger_events WHERE global_position = 9'),
      async () => {
        expectBrokenAt(await verifyUrl(), 9);
        const history = await exportNew();
        expect((await eventsIn(history)).map((event) => event.globalPosition)).not.toContain(9);
        expectBrokenAt(await verifyFile(history), 9);
      },
    );
  });

  it('(c) the events at positions 5 and 6 swapped, in SQL or in the exported file', async () => {
    const clean = await exportNew();
    await untampered(
      async () => {
        await sql('UPDATE ledger_events SET global_position = -5 WHERE global_position = 5');
        await sql('UPDATE ledger_events SET global_position = 5 WHERE global_position = 6');
        await sql('UPDATE ledger_events SET global_position = 6 WHERE global_position = -5');
      },
      async () => {
        expectBrokenAt(await verifyUrl(), 5);
        expectBrokenAt(await verifyFile(await exportNew()), 5);
      },
    );
    const lines = await linesOf(clean);
    [lines[4], lines[5]] = [lines[5], lines[4]];
    await writeFile(file('swapped.ndjson'), `${lines.join('\n')}\n`);
    expectBrokenAt(await verifyFile(file('swapped.ndjson')), 5);
  });

  it('(e) a head re-signed with another key, or with its root altered, fails on the signature', async () => {
    const history = await exportNew();
    const other = generateKeyPairSync('ed25519');
    await writeFile(file('resigned.json'), JSON.stringify(signTreeHead(saved, other.privateKey)));
    await writeFile(file('other-key.pem'), other.publicKey.export({ type: 'spki', format: 'pem' }));
    // The re-signed head states the very same tree: with its own key it verifies.
    const withItsKey = [history, '--tree-head', file('resigned.json'), '--public-key', file('other-key.pem')];
    expect(verdict(await ledger(env, 'verify', ...withItsKey))).toMatch(/^OK: /);
    const resigned = await verifyFile(history, 'resigned.json');
    expect(resigned.code).toBe(1);
    expect(verdict(resigned)).toMatch(
      new RegExp(`^BROKEN: the signature of ${file('resigned.json')} .*does not verify`),
    );
    const since = await ledger(
      env,
      'verify',
      '--url',
      url,
      '--since',
      file('resigned.json'),
      '--public-key',
      file('key.pem'),
    );
    expect(since.code).toBe(1);
    expect(verdict(since)).toMatch(/^BROKEN: the signature of .*does not verify/);

    const flipped = `${saved.rootHash[0] === '0' ? '1' : '0'}${saved.rootHash.slice(1)}`;
    await writeFile(file('altered.json'), JSON.stringify({ ...saved, rootHash: flipped }));
    const altered = await verifyFile(history, 'altered.json');
    expect(altered.code).toBe(1);
    expect(verdict(altered)).toMatch(/^BROKEN: the signature of .*does not verify/);
    // Without the key, the altered root itself is what differs.
    const unsigned = await ledger(env, 'verify', history, '--tree-head', file('altered.json'));
    expect(unsigned.code).toBe(1);
    expect(verdict(unsigned)).toBe(
      `BROKEN: the events 1…${saved.treeSize} hash to root ${saved.rootHash}, but the tree head signed ${flipped}: the history differs from the one it was signed over`,
    );
  });

  it('(d) the log truncated and extended differently: --since the saved head and the saved head itself fail', async () => {
    const n = saved.treeSize;
    const k = n - 8;
    await sql('DELETE FROM ledger_events WHERE global_position > $1', [k]);
    await sql(
      `UPDATE ledger_head SET position = $1, hash = (SELECT hash FROM ledger_events WHERE global_position = $1)`,
      [k],
    );
    await sql('DELETE FROM ledger_tree_heads WHERE tree_size > $1', [k]);
    // Different events in place of the removed ones, and a few more: the log reaches past n again.
    await logObjections(
      t,
      Array.from({ length: 11 }, (_, i) => `rewritten-${i}`),
      'A different story',
    );
    const size = await t.store.headPosition();
    expect(size).toBe(k + 11);
    // The live tree still holds the old leaves k+1…n: rebuilt blue/green over the rewritten log.
    const rebuild = await rebuildMerkleTree(t);
    expect(rebuild).toMatchObject({ state: 'swapped', matchesLive: false, error: null });
    // Heads signed over the tree before the swap are not of this log: dropped, and signed anew.
    const rewritten = await t.store.readAll();
    let latest: SignedTreeHead | null = null;
    for (let attempt = 0; attempt < 3 && latest === null; attempt += 1) {
      await sleep(1100); // a signing round that began before the swap has ended
      await sql('DELETE FROM ledger_tree_heads WHERE tree_size > $1', [k]);
      latest = await headOfWholeLog(t, rootOf(rewritten, size)).catch(() => null);
    }
    expect(latest?.treeSize).toBe(size);

    const since = await ledger(
      env,
      'verify',
      '--url',
      url,
      '--since',
      file('head.json'),
      '--public-key',
      file('key.pem'),
    );
    expect(since.code).toBe(1);
    expect(verdict(since)).toMatch(
      new RegExp(`^BROKEN: .*consistency proof from the saved head \\(size ${n}\\).* fails`),
    );
    const history = await exportNew();
    expect(await eventsIn(history)).toEqual(JSON.parse(JSON.stringify(rewritten)));
    const offline = await verifyFile(history);
    expect(offline.code).toBe(1);
    expect(verdict(offline)).toContain(
      `BROKEN: the events 1…${n} hash to root ${rootOf(rewritten, n)}, but the tree head signed ${saved.rootHash}`,
    );
  });
});
