import type { AppendResult } from '#event-store';
import type { RunCommand } from '../run-command.js';

/** A command waiting for its turn in a group commit, and how to answer its sender. */
export interface PendingCommand {
  message: RunCommand;
  streamId: string;
  occurredAt: string;
  /** Past it, a command still losing races (or still queued) is a 503: counted from its arrival. */
  deadline: number;
  /** Races lost to other writers so far. */
  attempts: number;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}
