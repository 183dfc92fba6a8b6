import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompactRange, type SignedTreeHead, eventLeafHash } from '#audit';
import {
  PostgresEventStore,
  type RecordedEvent,
  type SqlDatabase,
  connectPostgres,
  openEmbeddedDatabase,
} from '#event-store';
import { createTestPostgres } from '#testing';
import {
  type Backend,
  type TestApp,
  campaignBrief,
  objection,
  registerRoster,
  startTestApp,
} from '../support/test-app.js';

import { type Run, ledger } from '../support/built-cli.js';

/** Heads signed often, so a test sees one of the whole log within a second or two. */
export const HEADS_OFTEN = { LEDGER_TREE_HEAD_EVERY_EVENTS: '5', LEDGER_TREE_HEAD_EVERY_S: '1' };

/** The fields of an exported event, as GET /v1/events answers them. */
export const ENVELOPE = [
  'eventId',
  'type',
  'schemaVersion',
  'data',
  'metadata',
  'streamId',
  'streamRevision',
  'globalPosition',
  'previousHash',
  'hash',
];

export const scratchDir = () => mkdtemp(join(tmpdir(), 'ledger-audit-cli-'));

/** What a value is once it went through JSON, as the export writes it. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const created = async (answer: Promise<{ status: number; text: string }>) => {
  const { status, text } = await answer;
  if (status !== 201) throw new Error(`expected 201, got ${status}: ${text}`);
};

/** Objections logged, one event each, on streams of their own. */
export const logObjections = async (t: TestApp, ids: string[], text = 'They pay less with the incumbent') => {
  for (const id of ids) await created(t.http().post(`/v1/objections/${id}/log`).send(objection({ text })));
};

/** About 20 events of several kinds: the roster, objections (positions 4…11), a campaign, a goal, deals. */
export const recordHistory = async (t: TestApp): Promise<void> => {
  await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales', 'person-ana': 'sales' });
  await logObjections(t, ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8']);
  const post = (path: string, body: object) => created(t.http().post(path).send(body));
  await post('/v1/campaigns/c-1/launch', campaignBrief());
  await post('/v1/shared-goals/2026-W02/set', { revenueTarget: 4000, currency: 'EUR', setBy: 'person-mia' });
  const deal = { currency: 'EUR', owner: 'person-sam', campaignIds: [], closedAt: '2026-01-07T10:00:00Z' };
  await post('/v1/deals/d-1/record', { ...deal, outcome: 'won', amount: 1000 });
  await post('/v1/deals/d-2/record', { ...deal, outcome: 'lost', amount: 500 });
  await logObjections(t, ['o9', 'o10', 'o11', 'o12', 'o13', 'o14', 'o15', 'o16'], 'Too expensive for five');
};

/** Waits for the signer to have signed a head of the log as it stands (and, if given, over that root). */
export const headOfWholeLog = async (t: TestApp, root?: string): Promise<SignedTreeHead> => {
  const size = await t.store.headPosition();
  for (let i = 0; i < 200; i += 1) {
    const answer = await t.http().get('/v1/audit/tree-head');
    const head = answer.body as SignedTreeHead;
    if (answer.status === 200 && head.treeSize === size && (root === undefined || head.rootHash === root))
      return head;
    await sleep(50);
  }
  throw new Error(`no head of size ${size}${root ? ` and root ${root}` : ''} was signed`);
};

/** A service that signs heads often, holding recordHistory's events and a signed head of them all. */
export const ledgerWithHistory = async (backend: Backend) => {
  const t = await startTestApp(backend, HEADS_OFTEN);
  await recordHistory(t);
  return { t, url: await t.url(), env: { LEDGER_API_KEY: t.adminKey }, head: await headOfWholeLog(t) };
};

export const linesOf = async (file: string): Promise<string[]> => {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
};

export const eventsIn = async (file: string): Promise<RecordedEvent[]> =>
  (await linesOf(file)).map((line) => JSON.parse(line) as RecordedEvent);

/** The RFC 9162 root of the first `size` events, computed here from their hashes alone. */
export const rootOf = (events: readonly RecordedEvent[], size: number): string => {
  const tree = CompactRange.empty();
  for (const event of events.slice(0, size)) tree.push(eventLeafHash(event.hash));
  return tree.root().toString('hex');
};

/** The verdict of `ledger verify`: exactly one line on stdout. */
export const verdict = (run: Run): string => {
  expect(run.stdout).toMatch(/^[^\n]+\n$/);
  return run.stdout.trimEnd();
};

/** Rebuilds the merkle-tree projection blue/green and answers the rebuild's last progress. */
export const rebuildMerkleTree = async (t: TestApp) => {
  const started = await t.http().post('/v1/projections/merkle-tree/rebuild');
  expect(started.status).toBe(202);
  for (let i = 0; i < 400; i += 1) {
    const status = await t.http().get('/v1/projections/merkle-tree');
    const rebuild = status.body.rebuild as {
      state: string;
      matchesLive: boolean | null;
      error: string | null;
    };
    if (rebuild && rebuild.state !== 'building') return rebuild;
    await sleep(50);
  }
  throw new Error('the merkle-tree rebuild did not finish');
};

export interface ImportTarget {
  env: Record<string, string>;
  /** A connection to it, which its user closes. */
  open: () => Promise<SqlDatabase>;
  drop: () => Promise<void>;
}

/** An empty ledger to import into: a database of its own on the server, or an embedded data directory. */
export const emptyTarget = async (backend: Backend): Promise<ImportTarget> => {
  if (backend === 'postgres') {
    const db = await createTestPostgres();
    return {
      env: { DATABASE_URL: db.url },
      open: async () => connectPostgres(db.url, 4),
      drop: () => db.close(),
    };
  }
  const dataDir = join(await scratchDir(), 'data');
  return {
    env: { LEDGER_DATA_DIR: dataDir },
    open: () => openEmbeddedDatabase(dataDir),
    drop: async () => undefined,
  };
};

/** The log in a database (as JSON), read through a store of its own that closes it. */
export const logOf = async (db: SqlDatabase) => {
  const store = await PostgresEventStore.open(db);
  try {
    return { head: await store.headPosition(), events: asJson(await store.readAll()) };
  } finally {
    await store.close();
  }
};

/** Exports a small ledger of its own (two members on the roster) into `out`. */
export const exportAnotherLedger = async (out: string): Promise<void> => {
  const other = await startTestApp('pglite');
  try {
    await registerRoster(other, { 'person-kim': 'sales', 'person-lou': 'marketing' });
    const run = await ledger(
      { LEDGER_API_KEY: other.adminKey },
      'export',
      '--url',
      await other.url(),
      '--out',
      out,
    );
    expect(run.code).toBe(0);
  } finally {
    await other.close();
  }
};
