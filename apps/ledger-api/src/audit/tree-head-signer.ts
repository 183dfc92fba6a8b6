import { type KeyObject, createPublicKey } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type SignedTreeHead, eventLeafHash, keyIdOf, signTreeHead, treeRoot } from '#audit';
import type { EventStore, SqlDatabase } from '#event-store';
import { overStoredTree, storedTreeSize } from '#projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DATABASE, EVENT_STORE } from '../event-store/event-store.module.js';
import { loadSigningKey } from './signing-key.js';
import { TreeHeads } from './tree-heads.js';

/** The log no longer holds what the tree was built from: someone changed it. */
class TreeDisagreesWithLogError extends Error {}

/** How often the signer looks whether a head is due. */
const TICK_MS = 1000;

/**
 * Signs a tree head at every multiple of LEDGER_TREE_HEAD_EVERY_EVENTS the
 * tree reaches, and one for the tree as it stands once the last head is
 * LEDGER_TREE_HEAD_EVERY_S old and the tree has grown, and keeps them all.
 */
@Injectable()
export class TreeHeadSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private key: KeyObject | null = null;
  private timer: NodeJS.Timeout | null = null;
  private signing: Promise<void> = Promise.resolve();
  private busy = false;
  readonly heads: TreeHeads;

  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.heads = new TreeHeads(db);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.key = await loadSigningKey(this.config, this.logger);
    this.logger.log(`Tree heads are signed with key ${keyIdOf(this.publicKey)}`);
    // A tick while a round still runs (a slow database) is passed over, not queued.
    this.timer = setInterval(() => void (this.busy ? undefined : this.signDue()), TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.signing;
  }

  get publicKey(): KeyObject {
    if (!this.key) throw new Error('the signing key is not loaded yet');
    return createPublicKey(this.key);
  }

  /** Signs what is due now; one round at a time, and a failure (the database away) waits for the next tick. */
  signDue(now: Date = new Date()): Promise<void> {
    this.busy = true;
    this.signing = this.signing
      .then(() => this.signRound(now))
      .catch((error: unknown) =>
        error instanceof TreeDisagreesWithLogError
          ? this.logger.error(error.message)
          : this.logger.warn(`Signing tree heads: ${String(error)}`),
      )
      .finally(() => (this.busy = false));
    return this.signing;
  }

  private async signRound(now: Date): Promise<void> {
    if (!this.key) return;
    const size = await storedTreeSize(this.db);
    const last = await this.heads.latest();
    const every = this.config.audit.headEveryEvents;
    const sizes: number[] = [];
    for (let s = (Math.floor((last?.treeSize ?? 0) / every) + 1) * every; s <= size; s += every)
      sizes.push(s);
    const newest = sizes.at(-1) ?? last?.treeSize ?? -1;
    const stale =
      last === null ||
      now.getTime() - Date.parse(last.timestamp) >= this.config.audit.headEverySeconds * 1000;
    if (size > newest && stale) sizes.push(size);
    for (const treeSize of sizes) await this.heads.keep(await this.sign(treeSize, now));
  }

  private async sign(treeSize: number, now: Date): Promise<SignedTreeHead> {
    const { root, lastLeaf } = await overStoredTree(this.db, (get) => ({
      root: treeRoot(get, treeSize),
      lastLeaf: treeSize === 0 ? null : get(0, treeSize - 1),
    }));
    // The tree is a read model: before vouching for it, its last leaf must be the log's event.
    const [event] =
      treeSize === 0 ? [] : await this.store.readAll({ afterPosition: treeSize - 1, maxCount: 1 });
    if (lastLeaf && !(event && eventLeafHash(event.hash).equals(lastLeaf))) {
      throw new TreeDisagreesWithLogError(
        `The tree's leaf ${treeSize} is not the hash of the log's event at that position: the log changed under it; no head is signed until the tree is rebuilt`,
      );
    }
    return signTreeHead(
      { treeSize, rootHash: root.toString('hex'), timestamp: now.toISOString() },
      this.key as KeyObject,
    );
  }
}
