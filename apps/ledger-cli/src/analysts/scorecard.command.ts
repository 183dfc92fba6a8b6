import { open, readFile, truncate } from 'node:fs/promises';
import { toUtcInstant } from '#domain';
import type { Scorecard } from '#client';
import { type CliCommand, type CliIo, UsageError } from '../cli-io.js';
import {
  type LedgerService,
  URL_OPTION,
  URL_USAGE,
  ask,
  connectToLedger,
  parseCommandLine,
} from '../service/service-client.js';
import { periodRange } from './period-range.js';
import { progressBar } from '../progress.js';
import { FORMATS, type TableFormat, readWritten } from './scorecard-table.js';

const USAGE = `ledger scorecard --from <period> --to <period> [--as-of <ISO-8601>] [--format csv|json] [--out <file>] ${URL_USAGE}
    one row per period (weeks 2026-W01, months 2026-01 or quarters 2026-Q1, both ends alike); json is one object a line;
    an --out file an interrupted run began is completed, not rewritten   (LEDGER_API_KEY: a key with read)`;

/** Scorecards asked for at once. */
const BATCH = 8;

interface Output {
  /** The periods still to write, in order. */
  remaining: string[];
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Stdout: the header (if any) goes with the first row, so a refusal before it leaves stdout empty. */
const toStdout = (io: CliIo, format: TableFormat, periods: string[]): Output => {
  let header = format.header === null ? '' : `${format.header}${format.lineEnd}`;
  const write = (text: string) =>
    new Promise<void>((resolve) => io.stdout.write(`${header}${text}`, () => resolve())).then(() => {
      header = '';
    });
  return { remaining: periods, write, close: async () => {} };
};

const readIfThere = (path: string) =>
  readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });

/** The --out file: new, or resumed where an earlier run of the same table over the same range stopped. */
const toFile = async (path: string, format: TableFormat, periods: string[], io: CliIo): Promise<Output> => {
  const content = await readIfThere(path);
  const written = readWritten(content, format);
  const elsewhere = `remove it or choose another --out`;
  if (!written) throw new UsageError(`${path} holds something other than this table: ${elsewhere}`);
  const done = written.periods;
  if (done.some((period, i) => period !== periods[i])) {
    throw new UsageError(
      `${path} holds ${done[0]}..${done.at(-1)}, not the beginning of ${periods[0]}..${periods.at(-1)}: ${elsewhere}`,
    );
  }
  if (written.keepLength < content.length) {
    await truncate(path, Buffer.byteLength(content.slice(0, written.keepLength)));
    io.stderr.write(`${path}: dropped an unfinished last line\n`);
  }
  if (done.length > 0) {
    io.stderr.write(
      `${path} already holds ${done.length} of ${periods.length} periods (to ${done.at(-1)}): appending the other ${periods.length - done.length}\n`,
    );
  }
  const file = await open(path, 'a');
  if (written.keepLength === 0 && format.header !== null)
    await file.write(`${format.header}${format.lineEnd}`);
  return {
    remaining: periods.slice(done.length),
    write: async (text) => void (await file.write(text)),
    close: () => file.close(),
  };
};

const scorecard = (service: LedgerService, period: string, asOf?: string): Promise<Scorecard> =>
  ask(service, `GetScorecard ${period}`, () =>
    service.client.GET('/v1/scorecards/{period}', {
      params: { path: { period }, query: asOf === undefined ? {} : { asOf } },
    }),
  );

/** Every row as of one instant: --as-of, else the ledger's own now at the start (its clock, not ours). */
const snapshotInstant = async (
  service: LedgerService,
  asOf: string | undefined,
  first: string,
  io: CliIo,
) => {
  if (asOf !== undefined) return asOf;
  const { at } = await scorecard(service, first);
  io.stderr.write(`scorecards as of ${at}, the ledger's now (--as-of ${at} gives the same rows again)\n`);
  return at;
};

/** Fetches and writes the remaining rows in order; false when interrupted first. */
const writeRows = async (
  service: LedgerService,
  output: Output,
  format: TableFormat,
  asOf: string,
  io: CliIo,
) => {
  const bar = progressBar(io.stderr, 'scorecards [{bar}] {value}/{total} periods | ETA {eta_formatted}');
  const interrupted = new AbortController();
  const onSigint = () => interrupted.abort();
  process.once('SIGINT', onSigint);
  bar.start(output.remaining.length, 0);
  try {
    for (let i = 0; i < output.remaining.length; i += BATCH) {
      if (interrupted.signal.aborted) return false;
      const batch = output.remaining.slice(i, i + BATCH);
      const cards = await Promise.all(batch.map((period) => scorecard(service, period, asOf)));
      await output.write(cards.map((card) => `${format.row(card)}${format.lineEnd}`).join(''));
      bar.increment(batch.length);
    }
    return true;
  } finally {
    bar.stop();
    process.removeListener('SIGINT', onSigint);
  }
};

const OPTIONS = {
  ...URL_OPTION,
  from: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

/** `ledger scorecard --from … --to …`: the shared scorecard, one row per period, as CSV or JSON lines. */
export const scorecardCommand: CliCommand = {
  name: 'scorecard',
  usage: USAGE,
  run: async (args, io) => {
    const { values } = parseCommandLine({ args, options: OPTIONS }, USAGE);
    if (values.from === undefined || values.to === undefined) throw new UsageError(`usage: ${USAGE}`);
    const formatName = values.format ?? 'csv';
    if (formatName !== 'csv' && formatName !== 'json')
      throw new UsageError(`--format is csv or json, got "${formatName}"`);
    const asOf = values['as-of'] === undefined ? undefined : toUtcInstant(values['as-of']);
    if (asOf === null)
      throw new UsageError(`--as-of must be an ISO-8601 instant with a zone, e.g. 2026-03-01T00:00:00Z`);
    const periods = periodRange(values.from, values.to);
    const format = FORMATS[formatName];
    const service = connectToLedger(values.url, io.env);
    const output =
      values.out === undefined
        ? toStdout(io, format, periods)
        : await toFile(values.out, format, periods, io);
    try {
      if (output.remaining.length === 0) {
        io.stderr.write(`${values.out} already holds every period of ${values.from}..${values.to}\n`);
        return 0;
      }
      const at = await snapshotInstant(service, asOf, output.remaining[0], io);
      if (await writeRows(service, output, format, at, io)) return 0;
      const resume =
        values.out === undefined ? '' : `: the same command again appends the rest to ${values.out}`;
      io.stderr.write(`interrupted${resume}\n`);
      return 130;
    } finally {
      await output.close();
    }
  },
};
