import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { ProblemDetailsDto } from './problem-details.dto.js';

const retryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 0 },
  },
};

/** Answers that tell the client when to come back. */
const RETRY_LATER = new Set([429, 503]);

/** One error answer: its meaning, a ProblemDetails body, and Retry-After where the client should retry. */
export const problemResponse = (status: number, description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  ...(RETRY_LATER.has(status) ? { headers: retryAfter } : {}),
});

/** Declares the error answers of an operation, each as application/problem+json. */
export const ApiProblems = (problems: Record<number, string>) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({ status: Number(status), ...problemResponse(Number(status), description) }),
    ),
  );
