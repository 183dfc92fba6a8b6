import http from 'node:http';
import https from 'node:https';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { ServerLimits } from '../config/server-limits.config.js';

/**
 * How often Node looks for requests past their headers or request timeout:
 * a quarter of the headers timeout, at most every second (Node's default,
 * 30 s, would let a slow client stay up to 30 s past its limit). Each check
 * walks the incomplete requests only, so this costs little.
 */
const checkingIntervalOf = (limits: ServerLimits): number =>
  Math.min(1_000, Math.ceil(limits.headersTimeoutMs / 4));

/**
 * No byte either way for this long closes the socket (server.timeout, off by
 * default in Node). It catches what the timeouts above do not: a client that
 * stops reading its answer. Well above the longest silent wait of a legitimate
 * request (LEDGER_READ_WAIT_MS is at most 60 s).
 */
const socketInactivityOf = (limits: ServerLimits): number => Math.max(120_000, limits.requestTimeoutMs);

/** The options only createServer takes: connectionsCheckingInterval cannot be changed afterwards. */
const serverOptionsOf = (limits: ServerLimits): http.ServerOptions => ({
  // Node answers 408 and closes the connection when these run out before the request is complete.
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  // Between two requests on a kept-alive connection (Node 20 waits 1 s more than this).
  keepAliveTimeout: limits.idleTimeoutMs,
  connectionsCheckingInterval: checkingIntervalOf(limits),
});

/**
 * Nest's ExpressAdapter with the HTTP server's limits against slow clients:
 * its initHttpServer calls http.createServer(app) with no options, so this
 * one creates the server itself, http or https as the parent would.
 */
export class LimitedExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: ServerLimits) {
    super();
  }

  override initHttpServer(options: NestApplicationOptions): void {
    // Both rest on the parent's private state; say so rather than drop them.
    for (const option of ['return503OnClosing', 'forceCloseConnections'] as const) {
      if (options[option]) {
        throw new Error(
          `LimitedExpressAdapter does not support the ${option} option (GracefulShutdown drains)`,
        );
      }
    }
    const serverOptions = serverOptionsOf(this.limits);
    const server = options.httpsOptions
      ? https.createServer({ ...options.httpsOptions, ...serverOptions }, this.getInstance())
      : http.createServer(serverOptions, this.getInstance());
    server.timeout = socketInactivityOf(this.limits);
    // Over the cap Node closes a new connection on arrival ('drop'): a flood
    // cannot use up the file descriptors the database and the rest need.
    if (this.limits.maxConnections > 0) server.maxConnections = this.limits.maxConnections;
    this.setHttpServer(server);
  }
}
