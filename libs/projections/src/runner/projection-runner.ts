import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, SqlDatabase } from '#event-store';
import { type Checkpoint, advanceCheckpoint, lockCheckpointAt, readCheckpoint } from './checkpoints.js';
import { type Lease, tryAcquireLease } from './lease.js';
import { analyzeTables, liveTables } from './model-tables.js';
import { readBatch } from './read-batch.js';
import type { Projection } from './projection.js';
import { prepareModel } from './prepare-model.js';
import {
  CheckpointMovedError,
  type ProjectionStatus,
  type RunnerOptions,
  type RunnerState,
} from './runner-status.js';

/** Positions folded between refreshes of the model's planner statistics. */
const ANALYZE_EVERY = 20_000;

/**
 * Feeds one projection from its checkpoint in batches. Each batch and the new
 * checkpoint commit in one transaction (compare-and-set on the old position),
 * so an interrupted batch leaves nothing behind and is simply done again.
 */
export class ProjectionRunner {
  private state: RunnerState = 'stopped';
  private error: string | null = null;
  private loop: Promise<void> | null = null;
  private lease: Lease | null = null;
  private paused: Promise<void> | null = null;
  private inFlight = false;
  private sinceAnalyze = 0;
  private readonly batchSize: number;
  private readonly idleMs: number;

  constructor(
    private readonly db: SqlDatabase,
    private readonly store: EventStore,
    readonly projection: Projection,
    options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 200;
  }

  /** Tables, checkpoint row; a version change drops the model so it is rebuilt from 0. */
  prepare(): Promise<void> {
    return prepareModel(this.db, this.projection);
  }

  /** Processes one batch; returns how far the checkpoint moved (0 when caught up). */
  async step(): Promise<number> {
    const checkpoint: Checkpoint = (await readCheckpoint(this.db, this.projection.name)) ?? {
      name: this.projection.name,
      version: this.projection.version,
      position: 0,
    };
    const batch = await readBatch(this.store, this.projection, checkpoint.position, this.batchSize);
    if (!batch) return 0;
    await this.db.transaction(async (tx) => {
      const lock = await lockCheckpointAt(tx, checkpoint, this.projection.version);
      if (lock === 'moved') throw new CheckpointMovedError(this.projection.name);
      if (lock === 'other-version') {
        throw new Error(
          `${this.projection.name} is kept at another version than ${this.projection.version} here`,
        );
      }
      await this.projection.apply(tx, batch.events, liveTables);
      await advanceCheckpoint(tx, this.projection.name, batch.to);
    });
    this.sinceAnalyze += batch.to - checkpoint.position;
    if (this.sinceAnalyze >= ANALYZE_EVERY) {
      this.sinceAnalyze = 0;
      await analyzeTables(this.db, this.projection, liveTables);
    }
    return batch.to - checkpoint.position;
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
        await this.pass();
        this.error = null;
      } catch (error) {
        // A failure (database away, another version) costs this pass, not the runner: back off, retry.
        this.setState('failed');
        this.error = error instanceof Error ? error.message : String(error);
        await this.lease?.release();
        this.lease = null;
        await sleep(this.idleMs * 10);
      }
    }
    await this.lease?.release();
    this.lease = null;
  }

  /** One turn of the loop: make sure of the lease, then fold one batch (or wait). */
  private async pass(): Promise<void> {
    if (!this.lease?.held) {
      this.lease = await tryAcquireLease(this.db, this.projection.name);
      if (!this.lease) {
        this.setState('standby');
        await sleep(this.idleMs * 5);
        return;
      }
    }
    this.setState('running');
    if (this.paused) {
      await this.paused;
      return;
    }
    // No await between the pause check and this flag: whilePaused relies on it.
    this.inFlight = true;
    const moved = await this.step()
      .catch((error: unknown) => {
        if (error instanceof CheckpointMovedError) return 0;
        throw error;
      })
      .finally(() => (this.inFlight = false));
    if (moved === 0) await sleep(this.idleMs);
  }

  private setState(state: RunnerState) {
    if (this.state !== 'stopped') this.state = state;
  }

  /**
   * Holds the background loop while `work` runs (a rebuild swapping tables),
   * once no batch of this runner is in flight.
   */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    let resume = () => undefined as void;
    this.paused = new Promise<void>((resolve) => (resume = resolve));
    try {
      while (this.inFlight) await sleep(5);
      return await work();
    } finally {
      this.paused = null;
      resume();
    }
  }

  /** Stops after the batch in flight commits, and gives up the lease. */
  async stop(): Promise<void> {
    this.state = 'stopped';
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

  async status(): Promise<ProjectionStatus> {
    const [checkpoint, head] = await Promise.all([
      readCheckpoint(this.db, this.projection.name),
      this.store.headPosition(),
    ]);
    const position = checkpoint?.position ?? 0;
    return {
      name: this.projection.name,
      version: this.projection.version,
      checkpoint: position,
      lag: Math.max(0, head - position),
      state: this.state,
      error: this.error,
    };
  }
}
