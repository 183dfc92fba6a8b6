import { refusal } from '../service/service-client.js';
import type { SendableLine } from './command-file.js';
import { type ItemResult, ImportStoppedError, type Problem, sendBatch } from './batch-request.js';

/** What the ledger said to one line's command. */
export type Outcome =
  | { line: SendableLine; status: number; replayed: boolean }
  | { line: SendableLine; status: number; operation: string | null; problem: Problem };

const outcomeOf = (line: SendableLine, result: ItemResult): Outcome =>
  result.status < 400
    ? { line, status: result.status, replayed: result.replayed === true }
    : {
        line,
        status: result.status,
        operation: result.operation,
        problem: (result.problem ?? {
          type: 'about:blank',
          title: 'refused',
          status: result.status,
        }) as Problem,
      };

const operationOf = (line: SendableLine): string | null => {
  const operation = (line.value as { operation?: unknown } | null)?.operation;
  return typeof operation === 'string' ? operation : null;
};

const failed = (line: SendableLine, problem: Problem): Outcome => ({
  line,
  status: problem.status,
  operation: operationOf(line),
  problem,
});

/** On 413 too-many-commands: the server's `limit` (else half), kept for the rest of the run. */
const fewerCommands = (problem: Problem, length: number): number | null => {
  if (problem.status !== 413 || problem.type !== '/problems/too-many-commands' || length === 1) return null;
  const limit = problem.limit;
  return typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit < length
    ? limit
    : Math.ceil(length / 2);
};

/**
 * A whole-request 400 naming one item (`[3].body.text must be well-formed
 * Unicode`): a value the ledger cannot store. That item fails alone, as the
 * item would have on its own endpoint; its problem loses the batch index.
 */
const unstorableItem = (problem: Problem, length: number): { index: number; problem: Problem } | null => {
  const field = problem.status === 400 ? problem.errors?.[0]?.field : undefined;
  const match = field === undefined ? null : /^\[(\d+)\]\.?/.exec(field);
  const index = match ? Number(match[1]) : -1;
  if (!match || index >= length) return null;
  const strip = (text: string) => text.replace(match[0], '');
  return {
    index,
    problem: {
      ...problem,
      ...(problem.detail === undefined ? {} : { detail: strip(problem.detail) }),
      errors: problem.errors?.map((error) => ({
        ...error,
        field: strip(error.field),
        message: strip(error.message),
      })),
    },
  };
};

/**
 * Posts lines in batches of at most `size`, one after the other (commands on
 * a stream are decided in order), and hands each batch's outcomes to
 * `record`, in line order. A refusal that is not about one item stops the import.
 */
export const batchPoster = (
  service: Parameters<typeof sendBatch>[0],
  initialSize: number,
  record: (outcomes: Outcome[]) => Promise<void>,
) => {
  let size = initialSize;
  const post = async (lines: SendableLine[], most = Infinity): Promise<void> => {
    for (let start = 0; start < lines.length;) {
      const chunk = lines.slice(start, start + Math.min(size, most));
      const answer = await sendBatch(service, chunk);
      if (answer.kind === 'results') {
        await record(chunk.map((line, i) => outcomeOf(line, answer.results[i])));
        start += chunk.length;
        continue;
      }
      const fewer = fewerCommands(answer.problem, chunk.length);
      if (fewer !== null) {
        size = fewer;
        continue;
      }
      // Too many bytes: this batch is halved (and its halves, down to the command too large for any),
      // the rest of the file goes on in batches of the full size.
      if (answer.problem.status === 413 && chunk.length > 1) {
        await post(chunk, Math.ceil(chunk.length / 2));
        start += chunk.length;
        continue;
      }
      if (answer.problem.status === 413) {
        await record([failed(chunk[0], answer.problem)]);
        start += 1;
        continue;
      }
      const unstorable = unstorableItem(answer.problem, chunk.length);
      if (unstorable !== null) {
        await post(chunk.slice(0, unstorable.index));
        await record([failed(chunk[unstorable.index], unstorable.problem)]);
        start += unstorable.index + 1;
        continue;
      }
      const range = `ExecuteCommands (lines ${chunk[0].number}–${chunk[chunk.length - 1].number})`;
      throw new ImportStoppedError(refusal(range, answer.response, answer.problem).message, chunk[0].number);
    }
  };
  return post;
};
