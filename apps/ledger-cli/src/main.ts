#!/usr/bin/env node
import { DataDirectoryLockedError } from '#event-store';
import { type CliCommand, CommandFailedError, UsageError } from './cli-io.js';
import { projectionsCommand } from './analysts/projections.command.js';
import { rebuildCommand } from './analysts/rebuild.command.js';
import { scorecardCommand } from './analysts/scorecard.command.js';
import { keysCommand } from './keys.command.js';

const commands: readonly CliCommand[] = [keysCommand, projectionsCommand, rebuildCommand, scorecardCommand];

const usage = () => `usage:\n${commands.map((command) => `  ${command.usage}`).join('\n')}`;

const main = async (args: string[]): Promise<number> => {
  const [name, ...rest] = args;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr, env: process.env });
};

/** Exits once stdout has taken everything written (a pipe may still be draining). */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof CommandFailedError ||
      error instanceof DataDirectoryLockedError;
    process.stderr.write(`${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    exit(error instanceof CommandFailedError ? 1 : known ? 2 : 1);
  },
);
