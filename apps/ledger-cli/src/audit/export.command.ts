import { createWriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { once } from 'node:events';
import { type CliCommand, CommandFailedError, UsageError } from '../cli-io.js';
import { isLongRun, progressBar } from '../progress.js';
import {
  URL_OPTION,
  URL_USAGE,
  ask,
  connectToLedger,
  parseCommandLine,
  type LedgerService,
} from '../service/service-client.js';
import { lastCompleteLine } from './history-file.js';
import { openExport } from './export-stream.js';

const USAGE = `ledger export ${URL_USAGE} --out <history.ndjson>   (run again to resume an interrupted export)`;

/**
 * Where an export into `out` goes on from: after the last whole line of a
 * file an earlier run left (a partial line cut off), once that event is
 * this ledger's own; from the start for a new file.
 */
const resumeFrom = async (service: LedgerService, out: string): Promise<number> => {
  const size = await stat(out).then(
    (s) => s.size,
    () => 0,
  );
  if (size === 0) return 0;
  const last = await lastCompleteLine(out);
  if (!last) throw new UsageError(`${out} holds no complete event: remove it to export anew`);
  const event = await ask(service, 'GetEvent', () =>
    service.client.GET('/v1/events/{position}', {
      params: { path: { position: last.event.globalPosition } },
    }),
  );
  if (event.hash !== last.event.hash) {
    throw new CommandFailedError(
      `${out} ends with an event at position ${last.event.globalPosition} that is not this ledger's (hash ${last.event.hash.slice(0, 12)}…, the ledger has ${event.hash.slice(0, 12)}…): export to another file`,
    );
  }
  if (last.endsAt < size) await truncate(out, last.endsAt);
  return last.event.globalPosition;
};

export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  run: async (args, io) => {
    const { values } = parseCommandLine({ args, options: { ...URL_OPTION, out: { type: 'string' } } }, USAGE);
    if (!values.out) throw new UsageError(`usage: ${USAGE}`);
    const service = connectToLedger(values.url, io.env);
    const after = await resumeFrom(service, values.out);
    if (after > 0) io.stderr.write(`resuming after position ${after}\n`);
    const exported = await openExport(service, after);
    const file = createWriteStream(values.out, { flags: 'a' });
    const bar = isLongRun(exported.head)
      ? progressBar(io.stderr, 'exporting {bar} {value}/{total} events')
      : null;
    bar?.start(exported.head, after);
    let interrupted = false;
    const stop = () => (interrupted = true);
    process.once('SIGINT', stop);
    let lines = 0;
    try {
      for await (const chunk of exported.chunks) {
        // A line cut in two by an interruption is cut off when the next run resumes.
        if (!file.write(chunk)) await once(file, 'drain');
        for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
        bar?.update(after + lines);
        if (interrupted) break;
      }
    } catch (error) {
      if (error instanceof CommandFailedError) throw error;
      throw new CommandFailedError(
        `the export stopped after ${lines} events (${error instanceof Error ? error.message : String(error)}): run the same command again to resume`,
      );
    } finally {
      process.off('SIGINT', stop);
      bar?.stop();
      file.end();
      await once(file, 'close');
    }
    if (interrupted) {
      io.stderr.write(`interrupted: run the same command again to resume\n`);
      return 130;
    }
    if (lines !== exported.head - after) {
      io.stderr.write(
        `warning: positions ${after + 1}…${exported.head} make ${exported.head - after} events, the ledger sent ${lines}: the log has gaps; \`ledger verify\` says where\n`,
      );
    }
    io.stdout.write(
      lines === 0
        ? `${values.out} already holds the log up to its head (position ${exported.head}): nothing to export\n`
        : `exported ${lines} events (positions ${after + 1}…${exported.head}) to ${values.out}\n`,
    );
    return 0;
  },
};
