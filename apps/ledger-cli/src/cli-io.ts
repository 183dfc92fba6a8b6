/** Thrown for a command line that cannot run: the message says what to type instead. */
export class UsageError extends Error {}

/** Thrown when the command ran and found something wrong (a broken history, a refusal): exit code 1. */
export class CommandFailedError extends Error {}

/** Where a command writes: results to stdout, progress and diagnostics to stderr. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** One `ledger <name> …` command: resolves to its exit code (0 ok, 1 a failed check). */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
