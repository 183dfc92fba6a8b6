import type { RejectionCode } from '#domain';
import type { ProblemExplanation } from './problem-explanation.js';
import { HTTP_PROBLEM_TYPES, type HttpProblemSlug } from './problem-types.http.js';
import { CONFLICT_PROBLEM_TYPES } from './problem-types.conflicts.js';
import { RULE_PROBLEM_TYPES } from './problem-types.rules.js';

/**
 * The catalogue of every problem type the service answers with, each served
 * at its `type` URI (`GET /problems/<slug>`). `problem()` takes only a slug of
 * this union, and each part of the catalogue is a Record over its part of the
 * union, so a new slug without an explanation does not compile: the HTTP
 * layer's (problem-types.http.ts), and the domain's rejection codes, 409
 * conflicts and 422 rules (problem-types.conflicts.ts, problem-types.rules.ts).
 */
export type ProblemSlug = HttpProblemSlug | RejectionCode;

/** A problem type as `GET /problems/{type}` answers it. */
export interface ProblemType extends ProblemExplanation {
  type: string;
  status: number;
}

const typesOf = (status: number | null, entries: Record<string, ProblemExplanation & { status?: number }>) =>
  Object.entries(entries).map(([slug, entry]): [string, ProblemType] => [
    slug,
    {
      type: `/problems/${slug}`,
      title: entry.title,
      status: status ?? entry.status ?? 500,
      description: entry.description,
      fix: entry.fix,
    },
  ]);

const CATALOGUE: ReadonlyMap<string, ProblemType> = new Map([
  ...typesOf(null, HTTP_PROBLEM_TYPES),
  ...typesOf(409, CONFLICT_PROBLEM_TYPES),
  ...typesOf(422, RULE_PROBLEM_TYPES),
]);

/** The problem type of a slug; undefined for one the service never answers with. */
export const problemTypeOf = (slug: string): ProblemType | undefined => CATALOGUE.get(slug);

/** Every problem type of the catalogue. */
export const problemTypes = (): ProblemType[] => [...CATALOGUE.values()];

const REJECTIONS: Record<RejectionCode, ProblemExplanation> = {
  ...CONFLICT_PROBLEM_TYPES,
  ...RULE_PROBLEM_TYPES,
};

/** The title of a domain rejection's problem: the same for every occurrence of its type. */
export const rejectionTitle = (code: RejectionCode): string => REJECTIONS[code].title;
