// cli-progress: well kept and widely used, and it handles both ends of stderr: on a
// terminal one bar redrawn in place, in a pipe or a CI log (noTTYOutput) a plain
// line every few seconds instead of a flood of carriage returns.
import cliProgress from 'cli-progress';

export type ProgressBar = cliProgress.SingleBar;

/** Bars are for long runs: a short one is over before a bar would help. */
export const isLongRun = (events: number) => events >= 20_000;

/** A bar on stderr in cli-progress's format (`{bar}`, `{value}`, `{total}` and payload tokens). */
export const progressBar = (stderr: NodeJS.WritableStream, format: string): ProgressBar =>
  new cliProgress.SingleBar(
    {
      stream: stderr,
      format,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      // The commands handle SIGINT themselves (and say how to resume).
      gracefulExit: false,
      hideCursor: false,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );

/** Seconds as a person reads them: 42 s, 3 min 05 s, 1 h 02 min. */
export const formatDuration = (seconds: number | null): string => {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
};
