import { parentPort } from 'node:worker_threads';
import { eventLeafHash } from '#audit';
import { fastHashHolds } from './history-check.js';
import { parseHistoryLine } from './history-lines.js';
import { type HashedBatch, type LineBatch, nonBlankLines } from './parallel-check.js';

/**
 * A verifier thread: parses a batch of history lines and recomputes each
 * event's chain hash (against the previousHash it claims: the main thread
 * checks the links) and its leaf hash, the costly part of a verification.
 */
parentPort?.on('message', (batch: LineBatch) => {
  const lines = nonBlankLines(batch);
  const positions = new Float64Array(lines.length);
  const holds = new Uint8Array(lines.length);
  const leaves = Buffer.alloc(lines.length * 32);
  let links = '';
  const suspects: Record<number, { text: string; line: number }> = {};
  let count = 0;
  let unreadable: string | null = null;
  for (const { text, line } of lines) {
    let event;
    try {
      event = parseHistoryLine(text, line);
    } catch (error) {
      // The events before it still count: the check names the position it breaks at.
      unreadable = error instanceof Error ? error.message : String(error);
      break;
    }
    positions[count] = event.globalPosition;
    links += event.previousHash + event.hash;
    holds[count] = fastHashHolds(event) ? 1 : 0;
    if (holds[count] === 0) suspects[count] = { text, line };
    eventLeafHash(event.hash).copy(leaves, count * 32);
    count += 1;
  }
  const hashed: HashedBatch = { count, positions, holds, leaves, links, suspects, unreadable };
  parentPort?.postMessage(hashed, [positions.buffer, holds.buffer]);
});
