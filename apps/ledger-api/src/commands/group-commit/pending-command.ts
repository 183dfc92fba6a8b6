import type { AppendResult } from '#event-store';
import type { RunCommand } from '../run-command.js';

/** A command waiting for its turn in a group commit, and how to answer its sender. */
export interface PendingCommand {
  message: RunCommand;
  streamId: string;
  occurredAt: string;
  /**
   * Past it, a command still losing races is a 503. Counted from its first
   * turn, not its arrival: a backfill's commands wait behind each other by design.
   */
  deadline: number | null;
  /** Races lost to other writers so far. */
  attempts: number;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}
