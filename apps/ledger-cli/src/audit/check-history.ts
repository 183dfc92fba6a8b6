import { formatDuration, isLongRun, progressBar } from '../progress.js';
import { type CliIo, CommandFailedError } from '../cli-io.js';
import { HistoryCheck } from './history-check.js';
import { historyEvents } from './history-lines.js';
import { checkInParallel, verifyWorkers } from './parallel-check.js';

export interface CheckedHistory {
  check: HistoryCheck;
  seconds: number;
}

/** Runs every event of the history through a HistoryCheck, with a progress bar on long runs. */
export const checkHistory = async (
  chunks: AsyncIterable<Buffer | string>,
  total: number,
  rootsWanted: ReadonlySet<number>,
  io: CliIo,
  { revisions = false }: { revisions?: boolean } = {},
): Promise<CheckedHistory> => {
  const check = new HistoryCheck(rootsWanted, { revisions });
  const started = performance.now();
  const bar = isLongRun(total)
    ? progressBar(io.stderr, 'verifying {bar} {value}/{total} events | {rate}/s | ETA {left}')
    : null;
  bar?.start(total, 0, { rate: 0, left: '–' });
  const progress = () => {
    const rate = check.size / ((performance.now() - started) / 1000);
    bar?.update(check.size, { rate: Math.round(rate), left: formatDuration((total - check.size) / rate) });
  };
  // Revisions are checked on this thread, which sees whole events.
  const threads = revisions ? 0 : verifyWorkers(io.env, total);
  try {
    if (threads > 0) await checkInParallel(chunks, check, threads, progress);
    else {
      for await (const event of historyEvents(chunks)) {
        if (!check.add(event)) break;
        if (check.size % 5_000 === 0) progress();
      }
    }
  } catch (error) {
    // A line that is not an event is a break of the history like any other.
    if (!(error instanceof CommandFailedError)) throw error;
    check.broken ??= { position: check.size + 1, problem: error.message };
  } finally {
    bar?.stop();
  }
  return { check, seconds: (performance.now() - started) / 1000 };
};

/** "12,345 events in 0.21 s (58,786/s)" */
export const describeRun = ({ check, seconds }: CheckedHistory): string =>
  `${check.size.toLocaleString('en')} events in ${seconds.toFixed(2)} s (${Math.round(check.size / Math.max(seconds, 1e-9)).toLocaleString('en')}/s)`;
