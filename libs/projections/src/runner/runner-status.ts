import type { Principal } from '#event-store';

export type RunnerState = 'starting' | 'running' | 'standby' | 'stopped' | 'failed';

/**
 * Measured with npm run bench:rebuild (50,000 events, both backends): 500 a batch caught up at
 * 0.12 to 0.26 of the raw ordered-read rate, 5,000 at 0.33 to 0.40 (before rows were unnested).
 */
export const DEFAULT_BATCH_SIZE = 5_000;

/**
 * After a batch that reached the head, the runner waits this long before the next: under a steady stream
 * of commands every model would otherwise fold each group commit on its own, about nine round trips a
 * model for a handful of events, taking the write path's CPU and connections (npm run bench: append-http).
 */
export const DEFAULT_LINGER_MS = 50;

export interface RunnerOptions {
  batchSize?: number;
  /** Pause when caught up, and between attempts to take the lease. */
  idleMs?: number;
  /** Pause after a batch that reached the head, so that live batches gather events (default 50, at most idleMs). */
  lingerMs?: number;
  /** First wait after a failed pass (default 10 × idleMs); doubles with each failure in a row… */
  retryMs?: number;
  /** …up to this (default 30 s), so a deployed fix or a database back is picked up within it. */
  maxRetryMs?: number;
}

/** The event a projection fails on, as recorded in projection_failures (so every replica reports it). */
export interface ProjectionFailure {
  /** Global position of the failing event: the checkpoint stands before it, no event of the model between. */
  position: number;
  eventId: string;
  eventType: string;
  error: string;
  /** When it first failed at this position, and how often it has been tried since. */
  since: string;
  attempts: number;
  lastAttemptAt: string;
}

/** An event the projection does not fold, by an admin's decision recorded in the ledger (see skips.ts). */
export interface SkippedEvent {
  position: number;
  eventId: string;
  eventType: string;
  /** The error it failed with when it was skipped. */
  error: string;
  reason: string | null;
  /** When and by whom the skip was recorded, and the ProjectionEventSkipped event that records it. */
  at: string;
  by: Principal | null;
  audit: { eventId: string; globalPosition: number };
}

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: number;
  lag: number;
  state: RunnerState;
  error: string | null;
  /** Set while the projection is stuck on an event; null otherwise. */
  failedAt: ProjectionFailure | null;
  /** Events this version skips: when any, the model is not an exact fold of the log. */
  skipped: SkippedEvent[];
  exact: boolean;
}

/** Another runner moved the checkpoint first; this batch was rolled back. */
export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`checkpoint of ${name} moved under this runner`);
    this.name = 'CheckpointMovedError';
  }
}
