import type { Request } from 'express';
import { type Requirement, describeRequirement, satisfies } from '#access';
import { forbidden } from '../../access/access.guard.js';
import { callerOf, setCaller } from '../../access/request-principal.js';
import { type FieldError, type Problem, ProblemException, problem } from '../../http/problem.js';
import { ledgerValidationPipe } from '../../http/validation.pipe.js';
import { toProblem } from '../../http/problem-mapping.js';
import { BatchItemDto } from './batch-item.dto.js';
import type { CommandRoute, CommandRoutes } from './command-routes.js';

/** An item ready to run as its own endpoint would, or what is wrong with it. */
export type PreparedItem = { operation: string | null; problem: Problem } | ReadyItem;

export interface ReadyItem {
  operation: string;
  route: CommandRoute;
  request: Request;
}

const envelope = ledgerValidationPipe();

const invalid = (errors: FieldError[]): Problem =>
  problem(400, 'validation-failed', 'The command is not valid', {
    detail: errors.map((error) => error.message).join('; '),
    errors,
  });

const pathErrors = (route: CommandRoute, path: Record<string, unknown>): FieldError[] => [
  ...route.pathParams
    .filter((name) => typeof path[name] !== 'string')
    .map((name) => ({
      field: `path.${name}`,
      rule: 'required',
      message: `path.${name} must be a string: ${route.operation} is ${route.template}`,
    })),
  ...Object.keys(path)
    .filter((name) => !route.pathParams.includes(name))
    .map((name) => ({
      field: `path.${name}`,
      rule: 'unknown-field',
      message: `${route.operation} has no path parameter ${name} (${route.template})`,
    })),
];

/**
 * The request the item's own endpoint would have received: its path, body and
 * headers, the batch's caller. Built on the batch request so that everything
 * else (log ids, the socket) is the batch's; the response is not shared.
 */
const itemRequest = (batch: Request, route: CommandRoute, item: BatchItemDto): Request => {
  const params = item.path ?? {};
  const path = route.template.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => params[name]);
  const headers: Record<string, string> = {};
  if (item.idempotencyKey !== undefined) headers['idempotency-key'] = item.idempotencyKey;
  if (item.ifMatch !== undefined) headers['if-match'] = item.ifMatch;
  const correlationId = item.correlationId ?? batch.headers['x-correlation-id'];
  if (typeof correlationId === 'string') headers['x-correlation-id'] = correlationId;
  const request = Object.create(batch, {
    method: { value: 'POST' },
    path: { value: path },
    url: { value: path },
    originalUrl: { value: path },
    params: { value: params },
    body: { value: item.body ?? {} },
    headers: { value: headers },
    res: { value: undefined },
  }) as Request;
  const caller = callerOf(batch);
  if (caller) setCaller(request, caller);
  return request;
};

/** The guard's own refusal, for the one command of the batch the caller may not post. */
const refusedScope = (route: CommandRoute, requirement: Requirement): Problem => {
  const scope = describeRequirement(requirement);
  return forbidden(`${route.operation} needs ${scope}`, scope.split(' or ')[0]).problem;
};

/** Checks an item's envelope, finds its endpoint, and checks the caller may post that command. */
export const prepareItem = async (
  raw: unknown,
  batch: Request,
  routes: CommandRoutes,
): Promise<PreparedItem> => {
  let item: BatchItemDto;
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ProblemException(
        invalid([{ field: '(item)', rule: 'isObject', message: 'each command must be a JSON object' }]),
      );
    }
    item = (await envelope.transform(raw, { type: 'body', metatype: BatchItemDto })) as BatchItemDto;
  } catch (error) {
    const operation = (raw as { operation?: unknown } | null)?.operation;
    return {
      operation: typeof operation === 'string' ? operation : null,
      problem: toProblem(error) ?? invalid([]),
    };
  }
  const route = routes.get(item.operation);
  if (!route) {
    return {
      operation: item.operation,
      problem: invalid([
        {
          field: 'operation',
          rule: 'known-operation',
          message: `operation ${item.operation} is not a command: use the operationId of a command endpoint (see /docs-json)`,
        },
      ]),
    };
  }
  const errors = pathErrors(route, item.path ?? {});
  if (errors.length > 0) return { operation: route.operation, problem: invalid(errors) };
  const requirement = route.requirement as Requirement;
  if (!satisfies(callerOf(batch)?.scopes ?? [], requirement)) {
    return { operation: route.operation, problem: refusedScope(route, requirement) };
  }
  return { operation: route.operation, route, request: itemRequest(batch, route, item) };
};
