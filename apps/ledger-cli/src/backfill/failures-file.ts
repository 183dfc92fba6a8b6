import { once } from 'node:events';
import { open, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../cli-io.js';

/** The --failures file: the failed lines as NDJSON, to be fixed and imported again. */
export interface FailuresFile {
  path: string;
  write(entry: object): Promise<void>;
  close(): Promise<void>;
}

const reasonOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : String(error);

const canonical = (path: string) => realpath(path).catch(() => resolve(path));

/**
 * Emptied at the start, so that what it holds is this run's failures (a clean
 * run leaves it empty rather than showing an earlier run's). Never the input.
 */
export const openFailuresFile = async (path: string, input: string): Promise<FailuresFile> => {
  if ((await canonical(path)) === (await canonical(input))) {
    throw new UsageError(`--failures ${path} is the file being imported: name another file`);
  }
  const handle = await open(path, 'w').catch((error: unknown) => {
    throw new UsageError(`cannot write --failures ${path} (${reasonOf(error)})`);
  });
  const out = handle.createWriteStream({ encoding: 'utf8' });
  // A write error (a full disk) surfaces at the next write or at close, not as an unhandled event.
  let failure: unknown = null;
  out.on('error', (error) => (failure ??= error));
  return {
    path,
    write: async (entry) => {
      if (failure !== null) throw failure;
      if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, 'drain');
    },
    close: () =>
      new Promise<void>((done, fail) => {
        if (failure !== null) return fail(failure);
        out.end(() => (failure === null ? done() : fail(failure)));
      }),
  };
};
