import { HttpException } from '@nestjs/common';
import { CommandRejected } from '#domain';
import {
  CommandIdReusedError,
  InvalidEventError,
  WrongExpectedVersionError,
  describeExpected,
} from '#event-store';
import { type Problem, ProblemException, problem } from './problem.js';

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Turns whatever was thrown into the problem the client sees; null means "unexpected". */
export const toProblem = (error: unknown): Problem | null => {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof CommandRejected) {
    const status = error.kind === 'conflict' ? 409 : 422;
    return problem(status, error.code, error.kind === 'conflict' ? 'Conflict' : 'Business rule broken', {
      detail: error.message,
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
  if (error instanceof InvalidEventError) {
    return problem(400, 'validation-failed', 'The request is not valid', {
      detail: error.message,
      errors: [{ field: error.field, rule: 'storable-text', message: error.message }],
    });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const title = HttpStatusTitle[status] ?? error.message;
    return problem(status, slugOf(title), title, { detail: error.message });
  }
  return null;
};

const HttpStatusTitle: Record<number, string> = {
  404: 'Not Found',
  405: 'Method Not Allowed',
  503: 'Service Unavailable',
};
