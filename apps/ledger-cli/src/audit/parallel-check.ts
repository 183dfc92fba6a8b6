import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CommandFailedError, UsageError } from '../cli-io.js';
import { isLongRun } from '../progress.js';
import type { HistoryCheck } from './history-check.js';
import { parseHistoryLine } from './history-lines.js';

export interface LineBatch {
  /** Whole lines of UTF-8, moved to the worker rather than copied. */
  bytes: Uint8Array;
  firstLine: number;
}

export interface HashedBatch {
  /** The events read; fewer than the lines when one was unreadable. */
  count: number;
  /** Why the line after the last event read is not an event, if one is not. */
  unreadable: string | null;
  positions: Float64Array;
  /** 1 where the recomputed chain hash equals the recorded one. */
  holds: Uint8Array;
  leaves: Buffer;
  /** previousHash and hash of each event in turn, 64 hex digits each, in one string. */
  links: string;
  /** The lines whose hash did not hold, by index: for the reference canonicalization to decide. */
  suspects: Record<number, { text: string; line: number }>;
}

/** The lines of a batch that hold something, with their line numbers in the history. */
export const nonBlankLines = ({ bytes, firstLine }: LineBatch): { text: string; line: number }[] =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .split('\n')
    .map((line, i) => ({ text: line, line: firstLine + i }))
    .filter((line) => line.text.trim() !== '');

/** About this much text a batch: big enough that posting it costs little next to hashing it. */
const BATCH_BYTES = 1 << 20;

const countLines = (bytes: Buffer) => {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines += 1;
  return lines;
};

/** The parts copied into memory of their own, never Node's shared pool: a worker is given it. */
const ownBuffer = (parts: Buffer[]): Buffer => {
  const out = Buffer.allocUnsafeSlow(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) at += part.copy(out, at);
  return out;
};

/** Whole lines, about BATCH_BYTES at a time, each batch in a buffer of its own (to move). */
async function* lineBatches(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<LineBatch> {
  let pending: Buffer[] = [];
  let size = 0;
  let line = 1;
  const cut = (bytes: Buffer): LineBatch => {
    const batch = { bytes, firstLine: line };
    line += countLines(bytes);
    return batch;
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    pending.push(bytes);
    size += bytes.length;
    const end = bytes.lastIndexOf(0x0a) + 1;
    if (size < BATCH_BYTES || end === 0) continue;
    const whole = ownBuffer([...pending.slice(0, -1), bytes.subarray(0, end)]);
    pending = [bytes.subarray(end)];
    size = bytes.length - end;
    yield cut(whole);
  }
  const rest = ownBuffer(pending);
  if (rest.toString('utf8').trim() !== '') yield cut(rest);
}

const hashIn = (worker: Worker, batch: LineBatch): Promise<HashedBatch> =>
  new Promise((resolve, reject) => {
    const failed = (error: unknown) => {
      worker.off('message', answered);
      reject(error);
    };
    const answered = (answer: HashedBatch) => {
      worker.off('error', failed);
      resolve(answer);
    };
    worker.once('message', answered);
    worker.once('error', failed);
    // ownBuffer made this memory for the batch alone: move it.
    worker.postMessage(batch, [batch.bytes.buffer as ArrayBuffer]);
  });

/**
 * How many verifier threads for a history of `events`: LEDGER_VERIFY_WORKERS
 * when set (0: none), else one per core for a long one and none for a short
 * one, which is done before threads would have started.
 */
export const verifyWorkers = (env: NodeJS.ProcessEnv, events: number): number => {
  const raw = env.LEDGER_VERIFY_WORKERS;
  if (raw === undefined || raw === '') return isLongRun(events) ? availableParallelism() : 0;
  const asked = Number(raw);
  if (!Number.isInteger(asked) || asked < 0 || asked > 64) {
    throw new UsageError(`LEDGER_VERIFY_WORKERS must be an integer from 0 to 64, got "${raw}"`);
  }
  return asked;
};

/**
 * Checks a history with the hashing spread over worker threads, a batch of
 * lines each, while this thread keeps the order: positions, links, the tree.
 */
export const checkInParallel = async (
  chunks: AsyncIterable<Buffer | string>,
  check: HistoryCheck,
  threads: number,
  onProgress: () => void,
): Promise<void> => {
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./hash-worker.js', import.meta.url)),
  );
  // Each worker answers its batches in order; two in flight each keeps them all busy.
  const inFlight: Promise<HashedBatch>[] = [];
  let next = 0;
  const take = async (): Promise<boolean> => {
    return fold(check, await (inFlight.shift() as Promise<HashedBatch>));
  };
  try {
    for await (const batch of lineBatches(chunks)) {
      const worker = workers[next++ % threads];
      inFlight.push(queueOn(worker, batch));
      if (inFlight.length >= threads * 2 && !(await take())) return;
      onProgress();
    }
    while (inFlight.length > 0) if (!(await take())) return;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
};

/** Batches sent to one worker are hashed one after the other: chain them. */
const queues = new WeakMap<Worker, Promise<unknown>>();
const queueOn = (worker: Worker, batch: LineBatch): Promise<HashedBatch> => {
  const hashed = (queues.get(worker) ?? Promise.resolve()).then(() => hashIn(worker, batch));
  queues.set(
    worker,
    hashed.catch(() => undefined),
  );
  return hashed;
};

const fold = (check: HistoryCheck, hashed: HashedBatch): boolean => {
  // Posting a Buffer delivers a plain Uint8Array: a Buffer again, over the same memory.
  const leaves = Buffer.from(hashed.leaves.buffer, hashed.leaves.byteOffset, hashed.leaves.byteLength);
  for (let i = 0; i < hashed.count; i += 1) {
    const event = {
      globalPosition: hashed.positions[i],
      previousHash: hashed.links.slice(128 * i, 128 * i + 64),
      hash: hashed.links.slice(128 * i + 64, 128 * i + 128),
    };
    const leaf = leaves.subarray(i * 32, i * 32 + 32);
    const whole = () => parseHistoryLine(hashed.suspects[i].text, hashed.suspects[i].line);
    if (!check.addHashed(event, hashed.holds[i] === 1, leaf, whole)) return false;
  }
  if (hashed.unreadable !== null) throw new CommandFailedError(hashed.unreadable);
  return true;
};
