import { ProblemException, problem } from '../http/problem.js';

/** The ceiling of the wait after the first lost race, and the most any one wait may be. */
const BASE_MS = 2;
const CAP_MS = 64;

/**
 * How long to wait before deciding again after the `attempt`-th lost race
 * (from 1): "full jitter" exponential backoff, uniformly random up to a
 * ceiling that doubles with each race lost, from BASE_MS up to CAP_MS.
 * Random, so that writers that lost to the same commit do not all come back
 * at once; capped small, because each race was lost to a commit that has
 * already happened, so the stream is free again at once.
 */
export const backoffMs = (attempt: number, random: () => number = Math.random): number =>
  random() * Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * 503, not 409: the client asked for no revision, so losing every race for
 * LEDGER_COMMAND_RETRY_MS is contention on the stream, not a fault of the
 * request; the same request (same Idempotency-Key) may well succeed later.
 */
export const streamContention = (streamId: string, attempts: number, retryMs: number) =>
  new ProblemException(
    problem(503, 'stream-contention', 'The stream is too busy', {
      detail: `${
        attempts === 0
          ? `commands queued on ${streamId} held this one past ${retryMs} ms`
          : `${streamId} changed under each of ${attempts} attempts within ${retryMs} ms`
      }; retry with the same Idempotency-Key: the command is applied at most once`,
      streamId,
      attempts,
      retryAfterSeconds: 1,
    }),
  );
