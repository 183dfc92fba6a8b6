import type { OpenAPIObject } from '@nestjs/swagger';
import { problemResponse } from './api-problems.decorator.js';

type Responses = Record<string, unknown>;

const add = (responses: Responses, status: number, description: string) => {
  responses[status] ??= problemResponse(status, description);
};

/**
 * Answers no route declares because no route produces them: the body parser's
 * (413, 415, 400 for JSON that does not parse) on every POST, and an
 * unexpected failure (500, never with a stack trace) anywhere.
 */
export const declareCrossCuttingProblems = (document: OpenAPIObject): OpenAPIObject => {
  for (const path of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(path) as [string, { responses: Responses }][]) {
      if (method === 'post') {
        add(operation.responses, 400, 'The body is not valid JSON, or a field breaks its rule');
        add(operation.responses, 413, 'The body is larger than LEDGER_BODY_LIMIT');
        add(operation.responses, 415, 'The body is not application/json (an empty one included)');
      }
      add(operation.responses, 500, 'An unexpected failure; the answer names no internals');
    }
  }
  return document;
};
