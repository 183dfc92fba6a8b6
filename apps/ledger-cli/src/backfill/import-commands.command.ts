import { stat } from 'node:fs/promises';
import { type CliCommand, type CliIo, CommandFailedError, UsageError } from '../cli-io.js';
import { formatDuration, progressBar } from '../progress.js';
import {
  type LedgerService,
  URL_OPTION,
  URL_USAGE,
  connectToLedger,
  parseCommandLine,
} from '../service/service-client.js';
import { batchPoster } from './batch-poster.js';
import { ImportStoppedError } from './batch-request.js';
import { type MalformedLine, readBatches } from './command-file.js';
import { openFailuresFile } from './failures-file.js';
import { ImportReport } from './import-report.js';

const USAGE = `ledger import-commands <file.ndjson> ${URL_USAGE} [--batch-size N] [--failures <file>]
    posts a file of commands, one a line as an item of POST /v1/commands:batch ({"operation", "path", "body",
    "idempotencyKey"?, "ifMatch"?}; blank lines skipped), in order, --batch-size a request (default 1000);
    a command refused, or a line that is not JSON, is reported with its line number and counted as failed,
    and the rest still goes; --failures writes the failed lines, each with its "problem", to fix and import
    again (a "problem" field is dropped on import); running it again is safe: what was applied answers
    replayed; exit 1 when some failed   (LEDGER_API_KEY: a key with the commands' scopes)`;

const DEFAULT_BATCH_SIZE = 1_000;

const batchSizeOf = (raw: string | undefined): number => {
  if (raw === undefined) return DEFAULT_BATCH_SIZE;
  if (!/^[1-9]\d*$/.test(raw)) {
    throw new UsageError(
      `--batch-size must be a number of commands (1, 2, …), got "${raw}"\nusage: ${USAGE}`,
    );
  }
  return Number(raw);
};

const REASONS: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied' };

/** The file's size (the progress bar's total); a file that is not there is a usage error. */
const sizeOf = async (file: string): Promise<number> => {
  const info = await stat(file).catch((error: unknown) => {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot read ${file}: ${REASONS[code] ?? code}`);
  });
  if (!info.isFile()) throw new UsageError(`cannot read ${file}: not a file`);
  return info.size;
};

interface Run {
  file: string;
  service: LedgerService;
  batchSize: number;
  report: ImportReport;
  /** After each batch: how far into the file. */
  onBatch: (bytesRead: number) => void;
  interrupted: AbortSignal;
}

/**
 * Posts the file batch by batch, and records every line in file order (the
 * lines that were not JSON in their place among the answers). Resolves to
 * null when done, else to the first line not posted (interrupted).
 */
const importFile = async ({ file, service, batchSize, report, onBatch, interrupted }: Run) => {
  let notJson: MalformedLine[] = [];
  const recordNotJsonBefore = async (number: number) => {
    while (notJson.length > 0 && notJson[0].number < number) await report.malformed(notJson.shift()!);
  };
  const post = batchPoster(service, batchSize, async (outcomes) => {
    for (const outcome of outcomes) {
      await recordNotJsonBefore(outcome.line.number);
      await report.outcome(outcome);
    }
  });
  for await (const { lines, bytesRead } of readBatches(file, batchSize)) {
    notJson = lines.filter((line) => line.kind === 'malformed');
    await post(lines.filter((line) => line.kind === 'command')).catch(async (error: unknown) => {
      // The lines before where it stopped are done, those that were not JSON among them too.
      if (error instanceof ImportStoppedError) await recordNotJsonBefore(error.firstLine);
      throw error;
    });
    await recordNotJsonBefore(Infinity);
    onBatch(bytesRead);
    if (interrupted.aborted) return lines[lines.length - 1].number + 1;
  }
  return null;
};

/** Runs the import with a progress bar; Ctrl-C stops it after the batch on its way (which is answered). */
const withProgress = async (run: Omit<Run, 'onBatch' | 'interrupted'>, bytes: number, io: CliIo) => {
  const bar = progressBar(
    io.stderr,
    'import-commands [{bar}] {percentage}% | {commands} commands | {rate} commands/s | ETA {remaining}',
  );
  const interrupted = new AbortController();
  const onSigint = () => interrupted.abort();
  process.once('SIGINT', onSigint);
  bar.start(Math.max(bytes, 1), 0, { commands: 0, rate: 0, remaining: formatDuration(null) });
  const startedAt = Date.now();
  try {
    // The ETA from the bytes left at the pace so far (cli-progress's own shows "NF" between batches).
    const onBatch = (bytesRead: number) => {
      const remaining = ((Date.now() - startedAt) / 1000) * (Math.max(bytes - bytesRead, 0) / bytesRead);
      bar.update(bytesRead, {
        commands: run.report.read,
        rate: run.report.rate(),
        remaining: formatDuration(remaining),
      });
    };
    const stoppedBefore = await importFile({ ...run, onBatch, interrupted: interrupted.signal });
    if (stoppedBefore === null) bar.update(Math.max(bytes, 1), { remaining: formatDuration(0) });
    return stoppedBefore;
  } finally {
    bar.stop();
    process.removeListener('SIGINT', onSigint);
  }
};

/** `ledger import-commands FILE`: a backfill through the batch endpoint, in order, safe to run again. */
export const importCommandsCommand: CliCommand = {
  name: 'import-commands',
  usage: USAGE,
  run: async (args, io) => {
    const options = {
      ...URL_OPTION,
      'batch-size': { type: 'string' },
      failures: { type: 'string' },
    } as const;
    const { values, positionals } = parseCommandLine({ args, options, allowPositionals: true }, USAGE);
    if (positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`);
    const [file] = positionals;
    const batchSize = batchSizeOf(values['batch-size']);
    const bytes = await sizeOf(file);
    const service = connectToLedger(values.url, io.env);
    const failures = values.failures === undefined ? null : await openFailuresFile(values.failures, file);
    const report = new ImportReport(failures);
    let outcome: { stoppedBefore: number | null } | ImportStoppedError;
    try {
      outcome = { stoppedBefore: await withProgress({ file, service, batchSize, report }, bytes, io) };
    } catch (error) {
      if (!(error instanceof ImportStoppedError)) throw error;
      outcome = error;
    } finally {
      await failures?.close();
    }
    io.stdout.write(`${report.summary()}\n`);
    for (const line of report.failureLines()) io.stderr.write(`${line}\n`);
    if (outcome instanceof ImportStoppedError) {
      throw new CommandFailedError(`${outcome.message}\n${report.progress(outcome.firstLine)}`);
    }
    if (outcome.stoppedBefore !== null) {
      io.stderr.write(`interrupted: ${report.progress(outcome.stoppedBefore)}\n`);
      return 130;
    }
    return report.failed > 0 ? 1 : 0;
  },
};
