import { HttpException } from '@nestjs/common';
import { CommandRejected } from '#domain';
import {
  CommandIdReusedError,
  EventStoreUnavailableError,
  InvalidEventError,
  PersonForgottenError,
  WrongExpectedVersionError,
  describeExpected,
} from '#event-store';
import { type Problem, ProblemException, problem } from './problem.js';

/** Turns whatever was thrown into the problem the client sees; null means "unexpected". */
export const toProblem = (error: unknown): Problem | null => {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof CommandRejected) {
    const status = error.kind === 'conflict' ? 409 : 422;
    return problem(status, error.code, error.kind === 'conflict' ? 'Conflict' : 'Business rule broken', {
      detail: error.message,
      ...error.details,
      ...(error.field ? { errors: [{ field: error.field, rule: error.code, message: error.message }] } : {}),
    });
  }
  if (error instanceof WrongExpectedVersionError) {
    return problem(409, 'revision-mismatch', 'The stream has changed', {
      detail: `expected revision ${describeExpected(error.expected)} of ${error.streamId}, but it is at ${error.actualRevision}`,
      streamId: error.streamId,
      expectedRevision: error.expected.kind === 'revision' ? error.expected.revision : error.expected.kind,
      actualRevision: error.actualRevision,
    });
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
const HTTP_PROBLEMS: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad Request'],
  404: ['not-found', 'Not Found'],
  405: ['method-not-allowed', 'Method Not Allowed'],
  413: ['body-too-large', 'The body is too large'],
  415: ['unsupported-media-type', 'Unsupported content type'],
  503: ['service-unavailable', 'Service Unavailable'],
};
