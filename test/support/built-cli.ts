import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The `ledger` command as `npm run build` leaves it, which `npm test` runs first. */
export const CLI = join(process.cwd(), 'dist/apps/ledger-cli/src/main.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `ledger` command as `npx ledger` would; never throws, answers code and output. */
export const ledger = (env: Record<string, string>, ...args: string[]): Promise<Run> =>
  promisify(execFile)(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Run) => error,
  );

/**
 * Inside a describe: when the build is missing, a failing test says so and
 * the caller returns (`if (needsBuiltCli()) return;`), rather than every test
 * failing for a reason it does not name.
 */
export const needsBuiltCli = (): boolean => {
  if (existsSync(CLI)) return false;
  it('needs the build: run through `npm test`, which builds first', () => {
    throw new Error(`${CLI} is missing`);
  });
  return true;
};
