import type { ProblemSlug } from './problem-catalogue.js';

/** RFC 9457 problem details; `type` is a relative URI naming the problem, served by GET /problems/{type}. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** For validation problems: each offending field and the rule it broke. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A problem of a type in the catalogue (problem-catalogue.ts): a slug without an entry does not compile. */
export const problem = (
  status: number,
  slug: ProblemSlug,
  title: string,
  extra: Partial<Problem> = {},
): Problem => ({ type: `/problems/${slug}`, title, status, ...extra });

/** Thrown anywhere in the HTTP layer; the filter writes it as it is. */
export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }
}

export const badRequest = (field: string, rule: string, message: string): ProblemException =>
  new ProblemException(
    problem(400, 'validation-failed', 'The request is not valid', {
      detail: message,
      errors: [{ field, rule, message }],
    }),
  );
