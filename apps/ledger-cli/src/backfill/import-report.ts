import { formatDuration } from '../progress.js';
import type { Outcome } from './batch-poster.js';
import type { Problem } from './batch-request.js';
import { type CommandLine, type MalformedLine, failedEntry } from './command-file.js';
import type { FailuresFile } from './failures-file.js';

/** Enough failures to see what went wrong; the rest are counted (and all go to --failures). */
const SHOWN = 10;

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

const notJson = (line: MalformedLine): Problem => ({
  type: '/problems/malformed-json',
  title: 'The line is not JSON',
  status: 400,
  detail: line.reason,
});

/** The tally of an import, the failures to show, and the --failures file they are written to. */
export class ImportReport {
  read = 0;
  applied = 0;
  replayed = 0;
  failed = 0;
  private readonly shown: string[] = [];
  private readonly startedAt = Date.now();

  constructor(private readonly failures: FailuresFile | null) {}

  async outcome(outcome: Outcome): Promise<void> {
    this.read += 1;
    if ('problem' in outcome) return this.failure(outcome.line, outcome.operation, outcome.problem);
    if (outcome.replayed) this.replayed += 1;
    else this.applied += 1;
  }

  async malformed(line: MalformedLine): Promise<void> {
    this.read += 1;
    return this.failure(line, null, notJson(line));
  }

  private async failure(line: CommandLine, operation: string | null, problem: Problem): Promise<void> {
    this.failed += 1;
    if (this.shown.length < SHOWN) {
      const what = operation === null ? '' : ` ${operation}`;
      const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
      this.shown.push(oneLine(`line ${line.number}${what}: ${problem.status} ${problem.title}${detail}`));
    }
    await this.failures?.write(failedEntry(line, problem));
  }

  /** Each failure shown in a line (the first few), then where all of them are. */
  failureLines(): string[] {
    if (this.failed === 0) return [];
    const more = this.failed > this.shown.length ? [`… and ${this.failed - this.shown.length} more`] : [];
    const where = this.failures
      ? `the ${this.failed} failed lines, each with its "problem", are in ${this.failures.path}: fix them and import that file`
      : '--failures <file> writes the failed lines, each with its "problem", to fix and import again';
    return [...this.shown, ...more, where];
  }

  /** Commands per second so far, for the progress bar. */
  rate(): number {
    return Math.round(this.read / Math.max((Date.now() - this.startedAt) / 1000, 0.001));
  }

  summary(): string {
    const seconds = (Date.now() - this.startedAt) / 1000;
    const took = seconds < 60 ? `${seconds.toFixed(1)} s` : formatDuration(seconds);
    return `${this.read} commands read: ${this.applied} applied, ${this.replayed} replayed, ${this.failed} failed, in ${took} (${this.rate()} commands/s)`;
  }

  /** How far an import that stopped got, for its last message. */
  progress(firstLine: number): string {
    const done = this.read === 0 ? 'no command was posted yet' : `the lines before ${firstLine} are done`;
    return `${done}; running the same command again is safe: the commands already applied answer replayed`;
  }
}
