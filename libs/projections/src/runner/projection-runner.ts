import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, SqlDatabase } from '#event-store';
import { Backoff } from './backoff.js';
import { readCheckpoint } from './checkpoints.js';
import { EventsFailedError, recordFailure } from './failures.js';
import { LiveFold } from './fold-batch.js';
import { type Lease, tryAcquireLease } from './lease.js';
import type { Projection } from './projection.js';
import { prepareModel } from './prepare-model.js';
import { readStatus } from './projection-status.js';
import {
  CheckpointMovedError,
  DEFAULT_BATCH_SIZE,
  DEFAULT_LINGER_MS,
  type ProjectionStatus,
  type RunnerOptions,
  type RunnerState,
} from './runner-status.js';

/**
 * Feeds one projection from its checkpoint in batches. Each batch and the new
 * checkpoint commit in one transaction (compare-and-set on the old position),
 * so an interrupted batch leaves nothing behind and is simply done again.
 *
 * A batch the projection fails on is folded again one event per transaction,
 * so the events before the failing one commit and that one is named exactly
 * (projection_failures: position, error, since). The runner then retries it
 * with a backoff, from this or another replica, until a fix makes it fold or
 * an admin records a skip of it in the ledger (skips.ts), which every fold of
 * this version, rebuilds included, honours.
 */
export class ProjectionRunner {
  private state: RunnerState = 'stopped';
  private error: string | null = null;
  private loop: Promise<void> | null = null;
  private lease: Lease | null = null;
  private paused: Promise<void> | null = null;
  private inFlight = false;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly lingerMs: number;
  // The last linger's wait (0 after any other pause): it counts towards an idle wait that follows.
  private lingered = 0;
  private readonly backoff: Backoff;
  private readonly fold: LiveFold;

  constructor(
    private readonly db: SqlDatabase,
    private readonly store: EventStore,
    readonly projection: Projection,
    options: RunnerOptions = {},
  ) {
    // A batch is what is new, up to this: small when live, large (fewer round trips) when catching up.
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.idleMs = options.idleMs ?? 200;
    this.lingerMs = Math.min(options.lingerMs ?? DEFAULT_LINGER_MS, this.idleMs);
    this.fold = new LiveFold(db, store, projection);
    this.backoff = new Backoff(options.retryMs ?? this.idleMs * 10, options.maxRetryMs ?? 30_000);
  }

  /** Tables, checkpoint row; a version change drops the model so it is rebuilt from 0. */
  prepare(): Promise<void> {
    return prepareModel(this.db, this.projection);
  }

  /** Processes one batch; returns how far the checkpoint moved (0 when caught up). */
  step(): Promise<number> {
    return this.fold.next(this.batchSize);
  }

  /** Steps until the checkpoint has reached `position` (used while the loop is paused). */
  async catchUpTo(position: number): Promise<void> {
    while (((await readCheckpoint(this.db, this.projection.name))?.position ?? 0) < position) {
      const moved = await this.step().catch((error: unknown) => {
        if (error instanceof CheckpointMovedError) return 1; // another runner moved it: look again
        throw error;
      });
      if (moved === 0) return;
    }
  }

  /** Steps until caught up with the head as it was when called. */
  async catchUp(): Promise<void> {
    while ((await this.step()) > 0);
  }

  /** Runs in the background; call prepare() first. */
  start(): void {
    if (this.loop) return;
    this.state = 'starting';
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.state !== 'stopped') {
      try {
        const pauseMs = await this.pass();
        this.error = null;
        this.backoff.reset();
        await sleep(pauseMs);
      } catch (error) {
        // A failure (an event, the database away, another version) costs this pass, not the runner.
        await this.failed(error);
        await this.backoff.wait();
      }
    }
    await this.lease?.release();
    this.lease = null;
  }

  /** Reports the failure, and gives up the lease: a replica of another build may fold the event. */
  private async failed(error: unknown): Promise<void> {
    this.setState('failed');
    this.error = error instanceof Error ? error.message : String(error);
    this.fold.forget();
    const [event] = error instanceof EventsFailedError && error.events.length === 1 ? error.events : [];
    // Unrecorded when the database itself is away: then its readiness check says so.
    if (event) await recordFailure(this.db, this.projection, event, this.error).catch(() => undefined);
    await this.lease?.release();
    this.lease = null;
  }

  /** Ends the wait before the next attempt (a skip was just recorded). */
  retryNow(): void {
    this.backoff.wake();
  }

  /** One turn of the loop: make sure of the lease, then fold one batch; answers how long to wait before the next. */
  private async pass(): Promise<number> {
    if (!this.lease?.held) {
      this.lease = await tryAcquireLease(this.db, this.projection.name);
      if (!this.lease) {
        this.setState('standby');
        return this.idleMs * 5;
      }
      this.fold.forget();
    }
    this.setState('running');
    if (this.paused) {
      await this.paused;
      return 0;
    }
    // No await between the pause check and this flag: whilePaused relies on it.
    this.inFlight = true;
    const moved = await this.step()
      .catch((error: unknown) => this.recover(error))
      .finally(() => (this.inFlight = false));
    const pause = moved > 0 ? (this.fold.reachedHead ? this.lingerMs : 0) : this.idleMs - this.lingered;
    this.lingered = moved > 0 ? pause : 0;
    return pause;
  }

  /** After a batch failed: another runner moved the checkpoint (look again), or fold it event by event. */
  private async recover(error: unknown): Promise<number> {
    if (error instanceof CheckpointMovedError) return 0;
    if (!(error instanceof EventsFailedError) || error.events.length <= 1) throw error;
    return this.fold.singly(error.events.length).catch((again: unknown) => this.recover(again));
  }

  private setState(state: RunnerState) {
    if (this.state !== 'stopped') this.state = state;
  }

  /** Holds the background loop while `work` runs (a rebuild swapping tables), once no batch is in flight. */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    let resume = () => undefined as void;
    this.paused = new Promise<void>((resolve) => (resume = resolve));
    try {
      while (this.inFlight) await sleep(5);
      return await work();
    } finally {
      this.fold.forget();
      this.paused = null;
      resume();
    }
  }

  /** Stops after the batch in flight commits, and gives up the lease. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.backoff.wake();
    await this.loop;
    this.loop = null;
  }

  /** Resolves once the checkpoint has reached `position`; false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    for (const started = Date.now(); Date.now() - started <= timeoutMs; await sleep(25)) {
      const checkpoint = await readCheckpoint(this.db, this.projection.name);
      if ((checkpoint?.position ?? 0) >= position) return true;
    }
    return false;
  }

  status(): Promise<ProjectionStatus> {
    return readStatus(this.db, this.store, this.projection, { state: this.state, error: this.error });
  }
}
