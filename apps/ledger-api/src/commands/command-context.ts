import { createHash, randomUUID } from 'node:crypto';
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Request } from 'express';
import type { Principal } from '#event-store';
import { principalOf } from '../access/request-principal.js';
import { badRequest } from '../http/problem.js';
import { HEADER_TOKEN, logCommandIds, requestIdOf } from '../operability/request-log-ids.js';
import { type IfMatch, parseIfMatch } from './if-match.js';

/** What the HTTP request adds to a command: identity, expectations, tracing. */
export interface CommandContext {
  /** The Idempotency-Key, or one derived from the request's content. */
  commandId: string;
  /** Hash of method, path and body: the same key with another fingerprint is a misuse. */
  fingerprint: string;
  /** From If-Match: the revisions the client based its command on (see if-match.ts); null: any. */
  ifMatch: IfMatch | null;
  /** The client's X-Correlation-Id, else the request's id; the answer carries it back. */
  correlationId: string;
  receivedAt: string;
  /** The authenticated caller (null on an anonymous retro note). */
  principal: Principal | null;
}

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
};

const token = (request: Request, name: string): string | undefined => {
  const value = header(request, name);
  if (value !== undefined && !HEADER_TOKEN.test(value)) {
    throw badRequest(name, 'token', `${name} must be 1–255 visible ASCII characters`);
  }
  return value;
};

/**
 * Body fields that are personal data. A key derived from the content ends up
 * in event metadata, which is immutable, so it must not hash a name.
 */
const PERSONAL_FIELDS = ['displayName'];

const withoutPersonalData = (body: unknown): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).filter(([key]) => !PERSONAL_FIELDS.includes(key)))
    : body;

const sha256 = (value: unknown): string =>
  createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');

// Express routes `/launch/` like `/launch`; so must the fingerprint.
const requestPath = (request: Request) => request.path.replace(/\/+$/, '');

/**
 * What a key was first used for. Personal fields are left out: the record is
 * kept for good, and a hash of a name is not forgotten with the name.
 */
const fingerprintOf = (request: Request): string =>
  sha256({
    method: request.method,
    path: requestPath(request),
    body: withoutPersonalData(request.body ?? {}),
  });

const commandContextOf = (request: Request, now: Date = new Date()): CommandContext => {
  const fingerprint = fingerprintOf(request);
  return {
    // Without an Idempotency-Key, the same request gets the same id.
    commandId: token(request, 'Idempotency-Key') ?? `derived:${fingerprint}`,
    fingerprint,
    ifMatch: parseIfMatch(header(request, 'If-Match')),
    correlationId: token(request, 'X-Correlation-Id') ?? requestIdOf(request),
    receivedAt: now.toISOString(),
    principal: principalOf(request),
  };
};

/**
 * For an anonymous retro note: the client's Idempotency-Key and correlation id
 * could name a person or a device, and the event keeps them forever; so could
 * the caller, where a person has a key of their own. Keep retries working with
 * a hash of the key; drop the correlation id and the caller.
 */
export const anonymised = (context: CommandContext): CommandContext => ({
  ...context,
  commandId: `anonymous:${sha256(context.commandId)}`,
  correlationId: randomUUID(),
  principal: null,
});

/** An anonymous retro note is one whose body names no author. */
const namesAuthor = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { author?: unknown }).author != null;

/**
 * Injects the CommandContext of the current request into a controller method.
 * `'anonymous-unless-author'` anonymises it here, before the request's log
 * lines learn its ids, so that no log ever holds the client's own ones.
 */
export const CommandCtx = createParamDecorator(
  (mode: 'anonymous-unless-author' | undefined, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<Request>();
    const derived = commandContextOf(request);
    const command =
      mode === 'anonymous-unless-author' && !namesAuthor(request.body) ? anonymised(derived) : derived;
    logCommandIds(request, command);
    return command;
  },
);
