#!/usr/bin/env node
import { type CliCommand, CommandFailedError, UsageError } from './cli-io.js';

/** Loaded on use: a command starts without the drivers and models the others need. */
const commands: Record<string, () => Promise<CliCommand>> = {
  keys: async () => (await import('./keys.command.js')).keysCommand,
  export: async () => (await import('./audit/export.command.js')).exportCommand,
  'tree-head': async () => (await import('./audit/tree-head.command.js')).treeHeadCommand,
  'public-key': async () => (await import('./audit/tree-head.command.js')).publicKeyCommand,
  verify: async () => (await import('./audit/verify.command.js')).verifyCommand,
  import: async () => (await import('./audit/import.command.js')).importCommand,
  projections: async () => (await import('./analysts/projections.command.js')).projectionsCommand,
  rebuild: async () => (await import('./analysts/rebuild.command.js')).rebuildCommand,
  scorecard: async () => (await import('./analysts/scorecard.command.js')).scorecardCommand,
  demo: async () => (await import('./demo/demo.command.js')).demoCommand,
  'import-commands': async () =>
    (await import('./backfill/import-commands.command.js')).importCommandsCommand,
};

const usage = async () => {
  const all = await Promise.all(Object.values(commands).map((load) => load()));
  return `usage:\n${all.map((command) => `  ${command.usage}`).join('\n')}`;
};

const main = async (args: string[]): Promise<number> => {
  const [name, ...rest] = args;
  const load = Object.hasOwn(commands, name ?? '') ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`${await usage()}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr, env: process.env });
};

/** Exits once stdout has taken everything written (a pipe may still be draining). */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

/** Usage and check failures are said in a line; anything else with its stack. */
const report = async (error: unknown): Promise<number> => {
  const { DataDirectoryLockedError } = await import('#event-store');
  const known =
    error instanceof UsageError ||
    error instanceof CommandFailedError ||
    error instanceof DataDirectoryLockedError;
  process.stderr.write(`${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  return error instanceof CommandFailedError ? 1 : known ? 2 : 1;
};

main(process.argv.slice(2)).then(exit, (error: unknown) => report(error).then(exit));
