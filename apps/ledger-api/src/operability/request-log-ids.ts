import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** The ids that tie the log lines of one request together. */
interface LogIds {
  reqId: string;
  correlationId: string;
  /** Once the command's context is known: the id stored with its events. */
  commandId?: string;
}

// Both hold the same mutable object: the request's lines are written from
// inside its async context (the mixin) and from a response event (pino-http).
const byRequest = new WeakMap<IncomingMessage, LogIds>();
const current = new AsyncLocalStorage<LogIds>();

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What the ledger accepts in an id header (Idempotency-Key, X-Correlation-Id): 1–255 visible ASCII characters. */
export const HEADER_TOKEN = /^[\x21-\x7e]{1,255}$/;

const CORRELATION_HEADER = 'X-Correlation-Id';

/**
 * First middleware. A read logs the client's X-Correlation-Id; a write logs a
 * server id until its command context is known, because the headers of an
 * anonymous retro note must never reach a log (see command-context.ts).
 * Every answer, errors included, carries the client's X-Correlation-Id back
 * (to the client only: no header is logged), or the request's id if it sent
 * none; a command's answer carries the id stored with its events.
 */
export const assignLogIds = (request: Request, response: Response, next: NextFunction): void => {
  const reqId = randomUUID();
  const header = request.headers['x-correlation-id'];
  const valid = typeof header === 'string' && HEADER_TOKEN.test(header);
  byRequest.set(request, { reqId, correlationId: valid && READS.has(request.method) ? header : reqId });
  response.setHeader(CORRELATION_HEADER, valid ? header : reqId);
  next();
};

/** After the body parser, whose stream callbacks would not carry the async context along. */
export const bindLogIds = (request: Request, _response: Response, next: NextFunction): void => {
  const ids = byRequest.get(request);
  if (ids) current.run(ids, next);
  else next();
};

/** The command's ids as stored with its events (anonymised ones for an anonymous note). */
export const logCommandIds = (
  request: Request,
  { commandId, correlationId }: { commandId: string; correlationId: string },
): void => {
  const ids = byRequest.get(request);
  if (ids) Object.assign(ids, { commandId, correlationId });
  if (request.res && !request.res.headersSent) request.res.setHeader(CORRELATION_HEADER, correlationId);
};

export const requestIdOf = (request: IncomingMessage): string =>
  byRequest.get(request)?.reqId ?? randomUUID();

const fields = (ids: LogIds | undefined): Record<string, string> =>
  ids ? { correlationId: ids.correlationId, ...(ids.commandId ? { commandId: ids.commandId } : {}) } : {};

/** For the line pino-http writes when the response is done. */
export const logIdsOfRequest = (request: IncomingMessage) => fields(byRequest.get(request));

/** pino's mixin: every line written while a request is handled. */
export const logIdsInContext = () => fields(current.getStore());
