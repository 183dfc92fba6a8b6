import { type Type, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';

interface ReadEndpointOptions {
  operationId: string;
  summary: string;
  /** The answer's schema; an array answer as [Dto]. */
  type: Type<unknown> | [Type<unknown>];
  description?: string;
  /** When the operation answers 404: what was not found. */
  notFound?: string;
}

/**
 * A read over read models: scope read, its answer's schema, and the problems
 * every such read can answer (bad asOf or minPosition, a read model not there
 * yet, the database away).
 */
export const ReadEndpoint = ({ operationId, summary, type, description, notFound }: ReadEndpointOptions) =>
  applyDecorators(
    Access({ scope: 'read' }),
    ApiOperation({ operationId, summary }),
    ApiOkResponse({ type, description }),
    ApiProblems({
      400: 'A parameter is not valid (asOf, minPosition, an id or a period): errors names it and the rule',
      503: 'The read model has not reached minPosition within LEDGER_READ_WAIT_MS, or the database is unavailable',
    }),
    ...(notFound === undefined ? [] : [ApiProblems({ 404: notFound })]),
  );
