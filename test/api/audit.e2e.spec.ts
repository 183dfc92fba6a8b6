import { createPublicKey } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CompactRange,
  type SignedTreeHead,
  eventLeafHash,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHead,
} from '#audit';
import { TreeHeadSigner } from '../../apps/ledger-api/src/audit/tree-head-signer.js';
import { type TestApp, backends, registerRoster, startTestApp } from '../support/test-app.js';

const fromHex = (hashes: string[]) => hashes.map((hash) => Buffer.from(hash, 'hex'));

/** The roots of every prefix of the log, computed here from the events alone. */
const rootsFromScratch = async (t: TestApp): Promise<string[]> => {
  const tree = CompactRange.empty();
  const roots = [tree.root().toString('hex')];
  for (const event of await t.store.readAll()) {
    tree.push(eventLeafHash(event.hash));
    roots.push(tree.root().toString('hex'));
  }
  return roots;
};

describe.each(backends)('signed tree heads and proofs (%s)', (backend) => {
  let t: TestApp;
  let head: SignedTreeHead;
  const logObjection = (id: string) =>
    t
      .http()
      .post(`/v1/objections/${id}/log`)
      .send({ category: 'price', text: 'Too expensive for a team of five', heardBy: 'person-sam' });

  /** Waits for the signer to have signed a head of the log as it stands. */
  const headOfWholeLog = async (): Promise<SignedTreeHead> => {
    const size = await t.store.headPosition();
    for (let i = 0; i < 200; i += 1) {
      const answer = await t.http().get('/v1/audit/tree-head');
      if (answer.status === 200 && answer.body.treeSize === size) return answer.body as SignedTreeHead;
      await sleep(50);
    }
    throw new Error(`no head of size ${size} was signed`);
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { LEDGER_TREE_HEAD_EVERY_EVENTS: '4', LEDGER_TREE_HEAD_EVERY_S: '1' });
    await registerRoster(t, { 'person-mia': 'marketing', 'person-sam': 'sales' });
    for (const id of ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9'])
      expect((await logObjection(id)).status).toBe(201);
    head = await headOfWholeLog();
  });
  afterAll(() => t.close());

  it('signs the head with the published Ed25519 key, over the root of the log recomputed from scratch', async () => {
    const published = await t.as(null).get('/v1/audit/public-key');
    expect(published.status).toBe(200);
    const key = createPublicKey(published.body.pem);
    expect(published.body).toMatchObject({ algorithm: 'Ed25519', keyId: head.keyId });
    expect(verifyTreeHead(head, key)).toBe(true);
    expect(verifyTreeHead({ ...head, treeSize: head.treeSize - 1 }, key)).toBe(false);
    expect(head.rootHash).toBe((await rootsFromScratch(t))[head.treeSize]);
  });

  it('keeps a head at every multiple of LEDGER_TREE_HEAD_EVERY_EVENTS, each over the root of that prefix', async () => {
    const roots = await rootsFromScratch(t);
    for (const size of [4, 8]) {
      const kept = await t.http().get(`/v1/audit/tree-head?treeSize=${size}`);
      expect(kept.status).toBe(200);
      expect(kept.body).toMatchObject({ treeSize: size, rootHash: roots[size] });
    }
    const missing = await t.http().get(`/v1/audit/tree-head?treeSize=${head.treeSize + 1000}`);
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe('/problems/tree-head-not-kept');
    expect(missing.body.detail).toContain(`${head.treeSize} below`);
  });

  it('proves every event in the signed tree with an audit path the RFC 9162 verifier accepts', async () => {
    const events = await t.store.readAll();
    const root = Buffer.from(head.rootHash, 'hex');
    for (const event of events.slice(0, head.treeSize)) {
      const answer = await t.http().get(`/v1/audit/proofs/inclusion?position=${event.globalPosition}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        treeSize: head.treeSize,
        eventHash: event.hash,
        rootHash: head.rootHash,
      });
      const path = fromHex(answer.body.auditPath);
      const leaf = eventLeafHash(event.hash);
      expect(verifyInclusion(leaf, event.globalPosition - 1, head.treeSize, path, root)).toBe(true);
      // The same path does not prove a neighbour, nor this event in another root.
      expect(verifyInclusion(leaf, event.globalPosition % head.treeSize, head.treeSize, path, root)).toBe(
        false,
      );
    }
  });

  it('proves that each kept head’s tree is a prefix of the latest', async () => {
    const latest = Buffer.from(head.rootHash, 'hex');
    const roots = await rootsFromScratch(t);
    for (let from = 1; from <= head.treeSize; from += 1) {
      const answer = await t.http().get(`/v1/audit/proofs/consistency?from=${from}&to=${head.treeSize}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ fromRoot: roots[from], toRoot: head.rootHash });
      const proof = fromHex(answer.body.proof);
      expect(verifyConsistency(from, head.treeSize, Buffer.from(roots[from], 'hex'), latest, proof)).toBe(
        true,
      );
    }
  });

  it('refuses proofs it cannot give, naming the parameter and the rule', async () => {
    const bad = async (query: string, status: number, field?: string) => {
      const answer = await t.http().get(`/v1/audit/proofs/${query}`);
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (field) expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      return answer.body;
    };
    await bad('inclusion', 400, 'position');
    await bad('inclusion?position=0', 400, 'position');
    await bad('inclusion?position=abc', 400, 'position');
    await bad(`inclusion?position=5&treeSize=4`, 400, 'position');
    const beyond = await bad(`inclusion?position=1&treeSize=${head.treeSize + 500}`, 404);
    expect(beyond).toMatchObject({ type: '/problems/tree-size-not-reached' });
    expect(beyond.treeSize).toBeGreaterThanOrEqual(head.treeSize);
    await bad('consistency?from=0&to=4', 400, 'from');
    await bad('consistency?from=5&to=4', 400, 'from');
    await bad(`consistency?from=1&to=${head.treeSize + 500}`, 404);
    expect((await t.as(null).get('/v1/audit/tree-head')).status).toBe(401);
    expect((await t.as(null).get('/v1/audit/proofs/consistency?from=1')).status).toBe(401);
  });

  it('rebuilds the tree from scratch into the same nodes as the live one', async () => {
    expect((await t.http().post('/v1/projections/merkle-tree/rebuild')).status).toBe(202);
    let status = await t.http().get('/v1/projections/merkle-tree');
    for (let i = 0; i < 200 && status.body.rebuild.state === 'building'; i += 1) {
      await sleep(50);
      status = await t.http().get('/v1/projections/merkle-tree');
    }
    expect(status.body.rebuild).toMatchObject({ state: 'swapped', matchesLive: true });
    expect((await t.http().get(`/v1/audit/proofs/consistency?from=4&to=${head.treeSize}`)).status).toBe(200);
  });

  it('refuses to skip an event of the tree, which folds every event in order', async () => {
    const skip = await t.http().post('/v1/projections/merkle-tree/skip?position=1').send({ reason: 'try' });
    expect(skip.status).toBe(409);
    expect(skip.body.type).toBe('/problems/projection-takes-every-event');
  });

  it('signs no head over a tree whose last leaf is no longer the log’s event (the log changed under it)', async () => {
    // Its own service, whose timer signs nothing more after the first head: this test asks for each one.
    const quiet = await startTestApp(backend, {
      LEDGER_TREE_HEAD_EVERY_EVENTS: '10000000',
      LEDGER_TREE_HEAD_EVERY_S: '86400',
    });
    try {
      // The first head, of the empty log, before anything is appended.
      for (let i = 0; i < 200 && (await quiet.http().get('/v1/audit/tree-head')).status !== 200; i += 1)
        await sleep(25);
      expect((await quiet.http().get('/v1/audit/tree-head')).body.treeSize).toBe(0);
      await registerRoster(quiet, { 'person-sam': 'sales' });
      const size = await quiet.store.headPosition();
      const tree = async () =>
        (await quiet.http().get('/v1/projections/merkle-tree')).body.checkpoint as number;
      for (let i = 0; i < 200 && (await tree()) < size; i += 1) await sleep(25);
      const signer = quiet.app.get(TreeHeadSigner);
      const later = () => new Date(Date.now() + 2 * 86_400_000);
      const headAt = async () => (await quiet.http().get(`/v1/audit/tree-head?treeSize=${size}`)).status;
      const [{ hash }] = await quiet.database.query<{ hash: string }>(
        'SELECT hash FROM ledger_events WHERE global_position = $1',
        [size],
      );
      const setHash = (value: string) =>
        quiet.database.query('UPDATE ledger_events SET hash = $2 WHERE global_position = $1', [size, value]);
      await setHash('f'.repeat(64));
      await signer.signDue(later());
      expect(await headAt()).toBe(404);
      await setHash(hash);
      await signer.signDue(later());
      expect(await headAt()).toBe(200);
    } finally {
      await quiet.close();
    }
  });
});
