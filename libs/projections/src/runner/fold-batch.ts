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
  limit: number,
  skips: ReadonlySet<number>,
): Promise<number> => {
  const checkpoint: Checkpoint = (await readCheckpoint(db, projection.name)) ?? {
    name: projection.name,
    version: projection.version,
    position: 0,
  };
  const batch = await readBatch(store, projection, checkpoint.position, limit);
  if (!batch) return 0;
  const events = batch.events.filter((event) => !skips.has(event.globalPosition));
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
    await clearFailure(tx, projection.name, batch.to);
  });
  return batch.to - checkpoint.position;
};

/** The live model's fold: batches, skips (read from the log) and planner statistics. */
export class LiveFold {
  private sinceAnalyze = 0;
  /** Positions this version skips; null: read them again before the next batch. */
  private skips: ReadonlySet<number> | null = null;

  constructor(
    private readonly db: SqlDatabase,
    private readonly store: EventStore,
    private readonly projection: Projection,
  ) {}

  /** After a failure: a skip may have been recorded (on any replica) before the next attempt. */
  forgetSkips(): void {
    this.skips = null;
  }

  async next(limit: number): Promise<number> {
    this.skips ??= await skippedPositions(this.store, this.projection);
    const moved = await foldNextBatch(this.db, this.store, this.projection, limit, this.skips);
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
