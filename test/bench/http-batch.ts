/**
 * ExecuteCommands (POST /v1/commands:batch) under load: `batches` requests one
 * after the other, each of `batchSize` LogObjection items, as a CRM backfill sends them.
 */
import { drive } from './drive.js';

interface BatchAnswer {
  results: { status: number; problem?: { title?: string; detail?: string } }[];
  succeeded: number;
  failed: number;
}

export interface BatchFigure {
  /** Commands that succeeded (201), per second of the whole run. */
  rate: number;
  commands: number;
  failed: number;
  /** The first refused item's status and problem, when one was. */
  firstFailure?: string;
}

const describe = (result: BatchAnswer['results'][number]) =>
  `${result.status} ${result.problem?.title ?? ''}`.trim();

/** Null when the service has no such endpoint (404): the build predates it. */
export const batchRate = async (
  baseUrl: string,
  headers: Record<string, string>,
  o: { batches: number; batchSize: number },
  run: string,
  body: (i: number) => object,
): Promise<BatchFigure | null> => {
  let missing = false;
  let succeeded = 0;
  let firstFailure: string | undefined;
  const { seconds } = await drive(o.batches, 1, async (b) => {
    if (missing) return;
    const items = Array.from({ length: o.batchSize }, (_, k) => ({
      operation: 'LogObjection',
      path: { objectionId: `${run}-b${b}-${k}` },
      body: body(b * o.batchSize + k),
      idempotencyKey: `${run}-b${b}-${k}`,
    }));
    const response = await fetch(`${baseUrl}/v1/commands:batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify(items),
    });
    if (response.status === 404) return void (missing = true);
    if (response.status !== 200)
      throw new Error(`ExecuteCommands: HTTP ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as BatchAnswer;
    succeeded += answer.results.filter((result) => result.status === 201).length;
    const refused = answer.results.find((result) => result.status !== 201);
    if (refused && !firstFailure) firstFailure = describe(refused);
  });
  if (missing) return null;
  const commands = o.batches * o.batchSize;
  return { rate: succeeded / seconds, commands, failed: commands - succeeded, firstFailure };
};
