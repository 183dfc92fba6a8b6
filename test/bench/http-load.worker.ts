/**
 * The HTTP client of append-http, on a thread of its own: a real client is
 * another process, and a client on the service's own event loop takes turns
 * from it (the same build answered 1.2 to 1.3 times the commands per second
 * at c16 with the client on a thread of its own, in one pair of runs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drive } from './drive.js';
import { logObjectionBody } from './payload.js';

export interface LoadJob {
  baseUrl: string;
  headers: Record<string, string>;
  commands: number;
  concurrency: number;
  run: string;
}

const job = workerData as LoadJob;

const result = await drive(job.commands, job.concurrency, async (i) => {
  const response = await fetch(`${job.baseUrl}/v1/objections/${job.run}-${i}/log`, {
    method: 'POST',
    headers: job.headers,
    body: JSON.stringify(logObjectionBody(i)),
  });
  if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
});
parentPort?.postMessage(result);
