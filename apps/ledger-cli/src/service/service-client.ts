import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type LedgerClient, createLedgerClient } from '#client';
import { CommandFailedError, UsageError } from '../cli-io.js';

/** The analysts' commands talk to a running service; `--url` says where (LEDGER_URL by default). */
export const URL_OPTION = { url: { type: 'string' } } as const;

export const URL_USAGE = '[--url <http://host:port>]';

/** node:util's parseArgs, its refusals (an unknown option, a missing value) as UsageErrors. */
export const parseCommandLine = <Config extends ParseArgsConfig>(config: Config, usage: string) => {
  try {
    return parseArgs(config);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${error.message}\nusage: ${usage}`);
    }
    throw error;
  }
};

const DEFAULT_URL = 'http://localhost:3000';

/** How long one request may take before the ledger counts as not answering. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Refusals that pass: waited out (Retry-After) this many times before they count. */
const RETRIES = 5;

export interface LedgerService {
  client: LedgerClient;
  baseUrl: string;
  /** For the requests the typed client does not make (an NDJSON export). */
  credentials: string;
}

/** The typed client for `--url` (else LEDGER_URL, else localhost:3000), with the key in LEDGER_API_KEY. */
export const connectToLedger = (url: string | undefined, env: NodeJS.ProcessEnv): LedgerService => {
  const baseUrl = (url ?? env.LEDGER_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  if (!/^https?:$/.test(URL.canParse(baseUrl) ? new URL(baseUrl).protocol : '')) {
    throw new UsageError(`--url must be an http(s) URL such as ${DEFAULT_URL}, got "${baseUrl}"`);
  }
  const credentials = env.LEDGER_API_KEY;
  if (!credentials) {
    throw new UsageError(
      'set LEDGER_API_KEY to an API key of the ledger (lk_…; `ledger keys create` makes one)',
    );
  }
  const fetchWithTimeout: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return {
    client: createLedgerClient({ baseUrl, credentials, fetch: fetchWithTimeout }),
    baseUrl,
    credentials,
  };
};

/** The code of a network failure: undici wraps it (TypeError "fetch failed", cause ECONNREFUSED …). */
export const networkCode = (error: unknown): string | null => {
  if (!(error instanceof Error)) return null;
  if (error.name === 'TimeoutError') return 'timeout';
  const cause = error.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (typeof code === 'string') return code;
  if (cause instanceof Error) return cause.message; // "bad port", "invalid method"…
  return error instanceof TypeError ? error.message : null;
};

export const unreachable = (baseUrl: string, code: string) =>
  new CommandFailedError(
    code === 'timeout'
      ? `the ledger at ${baseUrl} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`
      : `cannot reach the ledger at ${baseUrl} (${code}): is it running? (--url or LEDGER_URL say where)`,
  );

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** A refusal in one line: what was asked, the status, the problem's title and detail (RFC 9457). */
export const refusal = (operation: string, response: Response, error: unknown): CommandFailedError => {
  const problem = (typeof error === 'object' && error !== null ? error : {}) as {
    title?: unknown;
    detail?: unknown;
    type?: unknown;
  };
  const title = typeof problem.title === 'string' ? problem.title : response.statusText || 'refused';
  const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
  const type = typeof problem.type === 'string' && problem.type !== 'about:blank' ? ` [${problem.type}]` : '';
  const hint = response.status === 401 ? ' (is LEDGER_API_KEY a valid, unrevoked key?)' : '';
  return new CommandFailedError(
    oneLine(`the ledger refused ${operation} with ${response.status} ${title}${detail}${type}${hint}`),
  );
};

const retryAfterMs = (response: Response): number | null => {
  if (response.status !== 429 && response.status !== 503) return null;
  const header = response.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= 60 ? Math.max(seconds, 0.2) * 1000 : null;
};

/**
 * Sends a request (again after Retry-After while the ledger says 429 or 503);
 * a network failure becomes a CommandFailedError naming the URL. Answers
 * openapi-fetch's result as it is: refusals are for the caller to judge.
 */
export const send = async <Result extends { response: Response }>(
  service: LedgerService,
  request: () => Promise<Result>,
): Promise<Result> => {
  for (let attempt = 0; ; attempt += 1) {
    let result: Result;
    try {
      result = await request();
    } catch (error) {
      const code = networkCode(error);
      throw code === null ? error : unreachable(service.baseUrl, code);
    }
    const wait = retryAfterMs(result.response);
    if (wait === null || attempt === RETRIES) return result;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
};

/** The answer's data; a refusal (or a network failure) as a CommandFailedError. */
export const ask = async <Data>(
  service: LedgerService,
  operation: string,
  request: () => Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> => {
  const { data, error, response } = await send(service, request);
  if (error !== undefined || data === undefined) throw refusal(operation, response, error);
  return data;
};
