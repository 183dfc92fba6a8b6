import type { components } from '#client';
import { CommandFailedError } from '../cli-io.js';
import { type LedgerService, networkCode } from '../service/service-client.js';

export type ItemResult = components['schemas']['BatchItemResultDto'];
export type Problem = components['schemas']['ProblemDetailsDto'] & Record<string, unknown>;

/** The batch answered item by item, or refused as a whole (413, 400, 401, 403, 415…). */
export type BatchAnswer =
  { kind: 'results'; results: ItemResult[] } | { kind: 'refused'; response: Response; problem: Problem };

/** The import stopped before `firstLine`: everything before it was answered. */
export class ImportStoppedError extends CommandFailedError {
  constructor(
    message: string,
    readonly firstLine: number,
  ) {
    super(message);
  }
}

/** A thousand commands take a while: far longer than the single commands' 30 s. */
const BATCH_TIMEOUT_MS = 120_000;

const ATTEMPTS = 6;

// 429 and 503 say "later"; 502 and 504 are a proxy's way of saying it. Resending is safe: every
// item carries an idempotency key (its own, or one the ledger derives from its content).
const RETRYABLE = new Set([429, 502, 503, 504]);

/** Retry-After when the ledger gives one (capped), else 0.5 s, 1 s, 2 s, 4 s, 8 s. */
const waitMs = (response: Response | null, attempt: number): number => {
  const seconds = Number(response?.headers.get('retry-after') ?? NaN);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(Math.max(seconds, 0.2), 60) * 1000;
  return 500 * 2 ** (attempt - 1);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const post = async (service: LedgerService, payload: string) => {
  const response = await fetch(`${service.baseUrl}/v1/commands:batch`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${service.credentials}`,
      'Content-Type': 'application/x-ndjson',
      Accept: 'application/json, application/problem+json',
    },
    body: payload,
    signal: AbortSignal.timeout(BATCH_TIMEOUT_MS),
  });
  // Read here, before the answer counts: a connection dropped mid-answer is a network failure too.
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { response, body };
};

const problemOf = (response: Response, body: unknown): Problem =>
  typeof body === 'object' && body !== null && 'status' in body
    ? (body as Problem)
    : { type: 'about:blank', title: response.statusText || 'refused', status: response.status };

/** Sends one batch as NDJSON, again while the ledger is busy or unreachable, until it answers. */
export const sendBatch = async (
  service: LedgerService,
  lines: { number: number; payload: string }[],
): Promise<BatchAnswer> => {
  const range = `lines ${lines[0].number}–${lines[lines.length - 1].number}`;
  const payload = lines.map((line) => line.payload).join('\n');
  for (let attempt = 1; ; attempt += 1) {
    const answer = await post(service, payload).catch((error: unknown) => {
      const code = networkCode(error);
      if (code === null) throw error;
      return code;
    });
    let reason: string;
    let busy: Response | null = null;
    if (typeof answer === 'string') {
      reason =
        answer === 'timeout'
          ? `no answer within ${BATCH_TIMEOUT_MS / 1000} s`
          : `cannot reach the ledger at ${service.baseUrl} (${answer})`;
    } else {
      const { response, body } = answer;
      const results = (body as { results?: unknown } | undefined)?.results;
      if (response.status === 200 && Array.isArray(results) && results.length === lines.length) {
        return { kind: 'results', results: results as ItemResult[] };
      }
      if (response.status === 200) {
        throw new ImportStoppedError(
          `the ledger answered ${range} with no result per command`,
          lines[0].number,
        );
      }
      const problem = problemOf(response, body);
      if (!RETRYABLE.has(response.status)) return { kind: 'refused', response, problem };
      busy = response;
      reason = `${response.status} ${problem.title}`;
    }
    if (attempt === ATTEMPTS) {
      throw new ImportStoppedError(
        `gave up on ${range} after ${ATTEMPTS} attempts: ${reason}`,
        lines[0].number,
      );
    }
    await sleep(waitMs(busy, attempt));
  }
};
