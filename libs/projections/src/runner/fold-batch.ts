import type { EventStore, SqlDatabase } from '#event-store';
import { type Checkpoint, advanceCheckpoint, lockCheckpointAt, readCheckpoint } from './checkpoints.js';
import { EventsFailedError, clearFailure } from './failures.js';
import { analyzeTables, liveTables } from './model-tables.js';
import type { Projection } from './projection.js';
import { readBatch } from './read-batch.js';
import { CheckpointMovedError } from './runner-status.js';
import { skippedPositions } from './skips.js';

/**
 * PostgreSQL's classes of errors that say nothing about the event: a lost
 * connection (08), a serialization failure or deadlock (40), resources (53),
 * an operator's intervention or a statement timeout (57). Such a failure is
 * retried as it is; naming the event would invite an admin to skip a good one.
 */
const isTransient = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(08|40|53|57)/.test(code);
};

/** Positions folded between refreshes of the model's planner statistics. */
const ANALYZE_EVERY = 20_000;

/**
 * Folds the next `limit` positions after the checkpoint into the live model,
 * leaving out the skipped ones, and moves the checkpoint in the same
 * transaction (compare-and-set on the old position), which also ends a
 * failure it passes. Returns how far the checkpoint moved (0: caught up).
 * An error of the projection's own apply is an EventsFailedError naming the events.
 */
const foldNextBatch = async (
  db: SqlDatabase,
  store: EventStore,
  projection: Projection,
  checkpoint: Checkpoint,
  options: { limit: number; skips: ReadonlySet<number>; clearFailure: boolean },
): Promise<{ to: number; reachedHead: boolean }> => {
  const batch = await readBatch(store, projection, checkpoint.position, options.limit);
  if (!batch) return { to: checkpoint.position, reachedHead: true };
  const events = batch.events.filter((event) => !options.skips.has(event.globalPosition));
  await db.transaction(async (tx) => {
    const lock = await lockCheckpointAt(tx, checkpoint, projection.version);
    if (lock === 'moved') throw new CheckpointMovedError(projection.name);
    if (lock === 'other-version') {
      throw new Error(`${projection.name} is kept at another version than ${projection.version} here`);
    }
    await projection.apply(tx, events, liveTables).catch((error: unknown) => {
      throw isTransient(error) ? error : new EventsFailedError(events, error);
    });
    await advanceCheckpoint(tx, projection.name, batch.to);
    if (options.clearFailure) await clearFailure(tx, projection.name, batch.to);
  });
  return { to: batch.to, reachedHead: batch.read < options.limit };
};

/**
 * The live model's fold: batches, skips (read from the log) and planner statistics.
 * The checkpoint and whether a failure may be recorded are remembered between
 * batches (two round trips fewer a batch): the compare-and-set at each batch
 * still catches a checkpoint another runner moved, and any error forgets both.
 */
export class LiveFold {
  private sinceAnalyze = 0;
  /** Positions this version skips; null: read them again before the next batch. */
  private skips: ReadonlySet<number> | null = null;
  private checkpoint: Checkpoint | null = null;
  /** False once a batch has cleared the failures up to the checkpoint and none has happened since. */
  private mayHaveFailure = true;
  /** Whether the last batch read everything up to the head (the model is caught up). */
  reachedHead = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly store: EventStore,
    private readonly projection: Projection,
  ) {}

  /**
   * After a failure, a new lease or a rebuild's swap: a skip, a failure or another
   * checkpoint may have been recorded (on any replica); read them again.
   */
  forget(): void {
    this.skips = null;
    this.checkpoint = null;
    this.mayHaveFailure = true;
  }

  async next(limit: number): Promise<number> {
    this.skips ??= await skippedPositions(this.store, this.projection);
    const from = (this.checkpoint ??= (await readCheckpoint(this.db, this.projection.name)) ?? {
      name: this.projection.name,
      version: this.projection.version,
      position: 0,
    });
    const options = { limit, skips: this.skips, clearFailure: this.mayHaveFailure };
    const batch = await foldNextBatch(this.db, this.store, this.projection, from, options).catch(
      (error: unknown) => {
        this.forget();
        throw error;
      },
    );
    this.checkpoint = { ...from, position: batch.to };
    this.mayHaveFailure = false;
    this.reachedHead = batch.reachedHead;
    const moved = batch.to - from.position;
    this.sinceAnalyze += moved;
    if (this.sinceAnalyze >= ANALYZE_EVERY) {
      this.sinceAnalyze = 0;
      await analyzeTables(this.db, this.projection, liveTables);
    }
    return moved;
  }

  /** A batch failed: one event per transaction, so those before the failing one commit and it is named. */
  async singly(events: number): Promise<number> {
    let moved = 0;
    for (let i = 0; i < events; i += 1) {
      const step = await this.next(1);
      if (step === 0) break;
      moved += step;
    }
    return moved;
  }
}
