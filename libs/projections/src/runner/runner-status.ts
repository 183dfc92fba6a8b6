export type RunnerState = 'starting' | 'running' | 'standby' | 'stopped' | 'failed';

export interface RunnerOptions {
  batchSize?: number;
  /** Pause when caught up, and between attempts to take the lease. */
  idleMs?: number;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: number;
  lag: number;
  state: RunnerState;
  error: string | null;
}

/** Another runner moved the checkpoint first; this batch was rolled back. */
export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`checkpoint of ${name} moved under this runner`);
    this.name = 'CheckpointMovedError';
  }
}
