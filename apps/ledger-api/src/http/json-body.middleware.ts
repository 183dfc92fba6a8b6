import express, { type NextFunction, type Request, type Response } from 'express';
import { findUnstorable } from '#event-store';
import { type Problem, problem } from './problem.js';
import { sendProblem } from './problem-details.filter.js';

export const JSON_TYPES = ['application/json', 'application/*+json'];

export interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
  limit?: number;
}

export const bodyProblem = (error: BodyParserError, limitBytes: number): Problem => {
  switch (error.type) {
    case 'entity.parse.failed':
      return problem(400, 'malformed-json', 'The body is not valid JSON', { detail: error.message });
    case 'entity.too.large':
      return problem(413, 'body-too-large', 'The body is too large', {
        detail: `The body exceeds the limit of ${limitBytes} bytes`,
        limitBytes,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, 'unsupported-media-type', 'Unsupported body encoding', { detail: error.message });
    default:
      return problem(
        error.status && error.status < 500 ? error.status : 400,
        'unreadable-body',
        'The body could not be read',
        {
          detail: error.message,
        },
      );
  }
};

const hasBody = (request: Request) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** application/json or application/…+json, by the Content-Type header (present with or without a body). */
export const mediaTypeOf = (request: Request): string =>
  (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

export const declaresJson = (request: Request): boolean => {
  const mediaType = mediaTypeOf(request);
  return mediaType === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mediaType);
};

/**
 * Every POST says it is JSON, an empty one too: a plain HTML form on another
 * site can post only form or text bodies, so it cannot reach a command.
 */
const needsJson = (request: Request) => request.method === 'POST' || hasBody(request);

/**
 * Parses JSON bodies up to `limitBytes` and answers every body problem —
 * wrong or missing content type (every POST is JSON), malformed JSON, too large, not an object, too deep,
 * text the database cannot store — with
 * problem+json before any handler runs.
 */
export const jsonBody = (
  limitBytes: number,
  parsedElsewhere: (request: Request) => boolean = () => false,
) => {
  const parse = express.json({ limit: limitBytes, type: JSON_TYPES, strict: true });
  return (request: Request, response: Response, next: NextFunction) => {
    if (parsedElsewhere(request)) return next();
    if (needsJson(request) && !declaresJson(request)) {
      sendProblem(
        response,
        problem(415, 'unsupported-media-type', 'Unsupported content type', {
          detail: `Send the body as application/json (got ${request.headers['content-type'] ?? 'none'})`,
        }),
        request.originalUrl,
      );
      return;
    }
    parse(request, response, (error?: unknown) => {
      if (error)
        return sendProblem(response, bodyProblem(error as BodyParserError, limitBytes), request.originalUrl);
      if (
        hasBody(request) &&
        (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body))
      ) {
        return sendProblem(
          response,
          problem(400, 'validation-failed', 'The request is not valid', {
            detail: 'The body must be a JSON object',
            errors: [{ field: '(body)', rule: 'isObject', message: 'the body must be a JSON object' }],
          }),
          request.originalUrl,
        );
      }
      const unstorable = findUnstorable(request.body);
      if (unstorable) {
        return sendProblem(
          response,
          problem(400, 'validation-failed', 'The request is not valid', {
            detail: unstorable.message,
            errors: [unstorable],
          }),
          request.originalUrl,
        );
      }
      next();
    });
  };
};
