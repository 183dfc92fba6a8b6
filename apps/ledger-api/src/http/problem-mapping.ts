import { HttpException } from '@nestjs/common';
import { CommandRejected } from '#domain';
import {
  CommandIdReusedError,
  EventStoreUnavailableError,
  InvalidEventError,
  PersonForgottenError,
  NO_REVISION,
  WrongExpectedVersionError,
} from '#event-store';
import { type Problem, ProblemException, problem } from './problem.js';
import { type ProblemSlug, rejectionTitle } from './problem-catalogue.js';

/**
 * 412 (RFC 9110 §13.1.1): the stream is not in the state the request's
 * precondition names. `ifMatch` is the condition as an If-Match value, and the
 * answer's ETag is the stream's current revision, when it has one.
 */
export const preconditionFailed = (
  streamId: string,
  ifMatch: string,
  actualRevision: number,
  expectedRevision?: number,
): Problem =>
  problem(412, 'precondition-failed', 'The stream is not at the revision If-Match names', {
    detail: `If-Match ${ifMatch} does not hold for ${streamId}: it is at revision ${actualRevision}`,
    streamId,
    ifMatch,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    actualRevision,
    ...(actualRevision >= 0 ? { etag: `"${actualRevision}"` } : {}),
  });

/** The port's expected state as If-Match would say it: `"-1"` for no stream, the revision of an empty one. */
const asIfMatch = (expected: WrongExpectedVersionError['expected']): string => {
  if (expected.kind === 'revision') return `"${expected.revision}"`;
  return expected.kind === 'no-stream' ? `"${NO_REVISION}"` : '*';
};

/** Turns whatever was thrown into the problem the client sees; null means "unexpected". */
export const toProblem = (error: unknown): Problem | null => {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof CommandRejected) {
    const status = error.kind === 'conflict' ? 409 : 422;
    return problem(status, error.code, rejectionTitle(error.code), {
      detail: error.message,
      ...error.details,
      ...(error.field ? { errors: [{ field: error.field, rule: error.code, message: error.message }] } : {}),
    });
  }
  if (error instanceof WrongExpectedVersionError) {
    // Only a request's own precondition reaches here: the command handler retries the races it lost.
    const { expected } = error;
    const revision = expected.kind === 'revision' ? expected.revision : undefined;
    return preconditionFailed(error.streamId, asIfMatch(expected), error.actualRevision, revision);
  }
  if (error instanceof CommandIdReusedError) {
    return problem(422, 'idempotency-key-reused', 'Idempotency key reused for a different request', {
      detail: `Idempotency-Key ${error.commandId} was first used with a different request; use a new key for a new request`,
      errors: [{ field: 'Idempotency-Key', rule: 'same-request-per-key', message: error.message }],
    });
  }
  if (error instanceof PersonForgottenError) {
    return problem(409, 'person-forgotten', 'Conflict', {
      detail: error.message,
      errors: [{ field: 'personId', rule: 'person-forgotten', message: error.message }],
    });
  }
  if (error instanceof InvalidEventError) {
    return problem(400, 'validation-failed', 'The request is not valid', {
      detail: error.message,
      errors: [{ field: error.field, rule: 'storable-text', message: error.message }],
    });
  }
  if (isDatabaseUnreachable(error)) {
    // Fixed text: the driver's message would tell clients the database's address.
    return problem(503, 'database-unavailable', 'The database is not available', {
      detail: 'Retry with the same Idempotency-Key: the command is applied at most once.',
      retryAfterSeconds: 1,
    });
  }
  if (error instanceof EventStoreUnavailableError) {
    return problem(503, 'event-store-unavailable', 'The event store is not available', {
      detail: `${error.message}. Retry with the same Idempotency-Key: the command is applied at most once.`,
      retryAfterSeconds: 1,
    });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const [slug, title] =
      HTTP_PROBLEMS[status] ??
      (status < 500 ? ['bad-request', 'Bad Request'] : ['internal-error', 'Internal error']);
    return problem(status, slug, title, { detail: error.message });
  }
  return null;
};

/**
 * The database could not be reached or dropped the connection: PostgreSQL's
 * connection-exception class (08), an administrator's shutdown (57P01–57P03),
 * too many connections (53300), or the socket itself. A retry may well succeed;
 * a transaction cut short this way was rolled back, so nothing is half-written.
 */
const isDatabaseUnreachable = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    code.startsWith('08') ||
    ['57P01', '57P02', '57P03', '53300'].includes(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code)
  );
};

/** Fixed problem types for Nest's own HTTP errors: never derived from a message. */
const HTTP_PROBLEMS: Record<number, [ProblemSlug, string]> = {
  400: ['bad-request', 'Bad Request'],
  404: ['not-found', 'Not Found'],
  405: ['method-not-allowed', 'Method Not Allowed'],
  413: ['body-too-large', 'The body is too large'],
  415: ['unsupported-media-type', 'Unsupported content type'],
  503: ['service-unavailable', 'Service Unavailable'],
};
