import { ConfigError, integer } from './config-values.js';

/** What the HTTP server allows a client, against slow or idle connections; see http/server-limits.ts. */
export interface ServerLimits {
  /** From a request's first byte until its headers are complete; over it, 408 and the connection closed. */
  headersTimeoutMs: number;
  /** From a request's first byte until its body is complete (a slow body); over it, 408 and closed. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may wait for its next request (Node 20 adds 1 s to it). */
  idleTimeoutMs: number;
  /** Connections this process keeps open at once; the ones over it are closed on arrival. 0: no cap. */
  maxConnections: number;
}

/** 100 ms allows test-sized limits; 10 minutes is more than a 256 kB body needs on any working link. */
const MIN_MS = 100;
const MAX_MS = 600_000;

export const serverLimitsOf = (env: NodeJS.ProcessEnv): ServerLimits => {
  const requestTimeoutMs = integer(env, 'LEDGER_REQUEST_TIMEOUT_MS', 30_000, MIN_MS, MAX_MS);
  const headersTimeoutMs = integer(
    env,
    'LEDGER_HEADERS_TIMEOUT_MS',
    Math.min(10_000, requestTimeoutMs),
    MIN_MS,
    MAX_MS,
  );
  // The headers are part of the request: Node refuses a longer headersTimeout than requestTimeout.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'LEDGER_HEADERS_TIMEOUT_MS',
      `must be at most LEDGER_REQUEST_TIMEOUT_MS (${requestTimeoutMs}), got "${headersTimeoutMs}"`,
    );
  }
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    idleTimeoutMs: integer(env, 'LEDGER_IDLE_TIMEOUT_MS', 5_000, MIN_MS, MAX_MS),
    maxConnections: integer(env, 'LEDGER_MAX_CONNECTIONS', 1_024, 0, 1_000_000),
  };
};
