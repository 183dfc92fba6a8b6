import express, { type NextFunction, type Request, type Response } from 'express';
import { findUnstorable } from '#event-store';
import type { WritePathConfig } from '../../config/write-path.config.js';
import {
  type BodyParserError,
  JSON_TYPES,
  bodyProblem,
  declaresJson,
  mediaTypeOf,
} from '../../http/json-body.middleware.js';
import { BATCH_PATH } from '../../contract/batch-path.js';
import { type Problem, problem } from '../../http/problem.js';
import { sendProblem } from '../../http/problem-details.filter.js';

const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];

const items = new WeakMap<Request, unknown[]>();

export const isBatchRequest = (request: Request) => request.method === 'POST' && request.path === BATCH_PATH;

/** The commands the body carried (the middleware has checked there are some, and not too many). */
export const batchItemsOf = (request: Request): unknown[] => items.get(request) ?? [];

const notAList = (detail: string): Problem =>
  problem(400, 'validation-failed', 'The request is not valid', {
    detail,
    errors: [{ field: '(body)', rule: 'isArray', message: detail }],
  });

/** One JSON object per line; blank lines are skipped; a line that is not JSON names itself. */
const parseLines = (text: string): unknown[] | Problem => {
  const parsed: unknown[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      parsed.push(JSON.parse(line));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return problem(400, 'malformed-json', 'The body is not valid JSON', {
        detail: `line ${index + 1} is not JSON: ${reason}`,
        line: index + 1,
      });
    }
  }
  return parsed;
};

const check = (body: unknown, maxCommands: number): unknown[] | Problem => {
  if (!Array.isArray(body)) return notAList('the body must be a JSON array of commands');
  if (body.length === 0) return notAList('the body holds no command: send at least one');
  if (body.length > maxCommands) {
    return problem(413, 'too-many-commands', 'Too many commands in one request', {
      detail: `${body.length} commands; at most ${maxCommands} a request (LEDGER_BATCH_MAX_COMMANDS): split them, in order`,
      limit: maxCommands,
    });
  }
  const unstorable = findUnstorable(body);
  if (unstorable) {
    return problem(400, 'validation-failed', 'The request is not valid', {
      detail: unstorable.message,
      errors: [unstorable],
    });
  }
  return body;
};

/**
 * The body of ExecuteCommands, which the JSON body parser leaves alone: a
 * JSON array or NDJSON, up to LEDGER_BATCH_BODY_LIMIT, at most
 * LEDGER_BATCH_MAX_COMMANDS commands; anything else is answered here.
 */
export const batchBody = ({ batchBodyLimitBytes: limit, batchMaxCommands }: WritePathConfig) => {
  const json = express.json({ limit, type: JSON_TYPES, strict: false });
  const text = express.text({ limit, type: NDJSON_TYPES });
  return (request: Request, response: Response, next: NextFunction) => {
    if (!isBatchRequest(request)) return next();
    const refuse = (refusal: Problem) => sendProblem(response, refusal, request.originalUrl);
    const ndjson = NDJSON_TYPES.includes(mediaTypeOf(request));
    if (!ndjson && !declaresJson(request)) {
      return refuse(
        problem(415, 'unsupported-media-type', 'Unsupported content type', {
          detail: `Send the commands as application/json (an array) or application/x-ndjson (got ${request.headers['content-type'] ?? 'none'})`,
        }),
      );
    }
    (ndjson ? text : json)(request, response, (error?: unknown) => {
      if (error) return refuse(bodyProblem(error as BodyParserError, limit));
      const lines = ndjson ? parseLines(typeof request.body === 'string' ? request.body : '') : null;
      if (lines !== null && !Array.isArray(lines)) return refuse(lines);
      const checked = check(lines ?? request.body, batchMaxCommands);
      if (!Array.isArray(checked)) return refuse(checked);
      items.set(request, checked);
      request.body = {};
      next();
    });
  };
};
