import type { components, paths } from '#client';
import { type CliCommand, type CliIo, CommandFailedError, UsageError } from '../cli-io.js';
import {
  type LedgerService,
  URL_OPTION,
  URL_USAGE,
  ask,
  connectToLedger,
  parseCommandLine,
  refusal,
  send,
} from '../service/service-client.js';
import { type ProgressBar, formatDuration, progressBar } from '../progress.js';

type RebuildProgress = components['schemas']['RebuildProgressDto'];
type ProjectionName = paths['/v1/projections/{name}']['get']['parameters']['path']['name'];

const USAGE = `ledger rebuild <projection> ${URL_USAGE}   (LEDGER_API_KEY: a key with admin)`;

const POLL_MS = 500;

/** Starts the rebuild; one already running is followed instead (how an interrupted follow resumes). */
const start = async (service: LedgerService, name: ProjectionName, io: CliIo): Promise<void> => {
  const { error, response } = await send(service, () =>
    // Every POST to the ledger says it is JSON, an empty one too.
    service.client.POST('/v1/projections/{name}/rebuild', {
      params: { path: { name } },
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  if (error === undefined) return;
  if (response.status === 409 && error.type === '/problems/rebuild-in-progress') {
    io.stderr.write(`a rebuild of ${name} is already running: following it\n`);
    return;
  }
  throw refusal('RebuildProjection', response, error);
};

const showProgress = (bar: ProgressBar, progress: RebuildProgress, shown: { started: boolean }) => {
  const payload = {
    rate: Math.round(progress.eventsPerSecond),
    remaining: formatDuration(progress.etaSeconds),
  };
  if (!shown.started) {
    bar.start(progress.total, progress.processed, payload);
    shown.started = true;
  } else {
    bar.setTotal(progress.total);
    bar.update(progress.processed, payload);
  }
};

/** Resolves after `ms`, or as soon as the signal aborts. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Polls GetProjection until the rebuild swapped or failed; null when interrupted first. */
const follow = async (
  service: LedgerService,
  name: ProjectionName,
  io: CliIo,
  signal: AbortSignal,
): Promise<RebuildProgress | null> => {
  const bar = progressBar(
    io.stderr,
    `${name} [{bar}] {value}/{total} events | {rate} events/s | ETA {remaining}`,
  );
  const shown = { started: false };
  try {
    while (!signal.aborted) {
      const detail = await ask(service, 'GetProjection', () =>
        service.client.GET('/v1/projections/{name}', { params: { path: { name } } }),
      );
      const progress = detail.rebuild;
      if (!progress) throw new CommandFailedError(`${name} shows no rebuild to follow`);
      showProgress(bar, progress, shown);
      if (progress.state !== 'building') return progress;
      await pause(POLL_MS, signal);
    }
    return null;
  } finally {
    bar.stop();
  }
};

const short = (checksum: string | null) => (checksum === null ? 'none' : `${checksum.slice(0, 12)}…`);

/** One line saying how it ended, and whether that is a success. */
const verdict = (name: string, progress: RebuildProgress): { line: string; ok: boolean } => {
  const finished = progress.finishedAt === null ? Date.now() : Date.parse(progress.finishedAt);
  const seconds = ((finished - Date.parse(progress.startedAt)) / 1000).toFixed(1);
  const events = `${progress.processed} events in ${seconds} s`;
  if (progress.state === 'failed') {
    return {
      line: `${name} rebuild failed after ${events}: ${progress.error ?? 'no reason given'}`,
      ok: false,
    };
  }
  if (progress.matchesLive === true) {
    return {
      line: `${name} rebuilt: ${events}, checksum ${short(progress.checksum)} matches the live model`,
      ok: true,
    };
  }
  return {
    line: `${name} rebuilt: ${events}, but checksum ${short(progress.checksum)} does not match the live model's ${short(progress.liveChecksum)}`,
    ok: false,
  };
};

/** `ledger rebuild NAME`: a blue/green rebuild in the service, followed to its verdict. */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCommandLine(
      { args, options: URL_OPTION, allowPositionals: true },
      USAGE,
    );
    if (positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`);
    const name = positionals[0] as ProjectionName;
    const service = connectToLedger(values.url, io.env);
    await start(service, name, io);
    const interrupted = new AbortController();
    const onSigint = () => interrupted.abort();
    process.once('SIGINT', onSigint);
    try {
      const progress = await follow(service, name, io, interrupted.signal);
      if (!progress) {
        io.stderr.write(
          `stopped following; the rebuild of ${name} goes on in the service. Run \`ledger rebuild ${name}\` again to follow it.\n`,
        );
        return 130;
      }
      const { line, ok } = verdict(name, progress);
      io.stdout.write(`${line}\n`);
      return ok ? 0 : 1;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};
