import { Controller, HttpCode, Logger, NotFoundException, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AppendResult } from '#event-store';
import { Access } from '../../access/access.decorator.js';
import { ApiProblems } from '../../contract/api-problems.decorator.js';
import { type Problem, ProblemException, problem } from '../../http/problem.js';
import { toProblem } from '../../http/problem-mapping.js';
import { LedgerMetrics } from '../../metrics/ledger-metrics.js';
import { outcomeOf } from '../command-metrics.interceptor.js';
import { commandResultBody, etagOf, locationOf } from '../command-response.js';
import { untilQueued } from '../group-commit/submission-order.js';
import { BATCH_ROUTE, BATCH_VERB } from '../../contract/batch-path.js';
import { batchItemsOf } from './batch-body.middleware.js';
import { BatchItemDto, type BatchItemResultDto, BatchResultDto } from './batch-item.dto.js';
import { type ReadyItem, prepareItem } from './batch-items.js';
import { CommandRoutes } from './command-routes.js';

const ITEMS = { type: 'array', items: { $ref: getSchemaPath(BatchItemDto) }, minItems: 1 };

@ApiTags('commands')
@Controller()
export class ExecuteCommandsController {
  private readonly logger = new Logger('ExecuteCommands');

  constructor(
    private readonly routes: CommandRoutes,
    private readonly metrics: LedgerMetrics,
  ) {}

  // A custom method (`:batch`, as AIP-136 writes them): the router takes the colon for a parameter's.
  @Post(BATCH_ROUTE)
  @HttpCode(200)
  @Access({ anyCommand: true })
  @ApiOperation({
    operationId: 'ExecuteCommands',
    summary:
      'Run many commands in one request (a backfill): each as its own endpoint would, in order, answered one for one',
    description:
      'Each item names a command endpoint by its operationId, with its path parameters, body, idempotency key and If-Match. Items run in order: two on one stream are decided in order, the second against the state the first left. Each is validated, authorised and decided exactly as its own endpoint would; one that fails fails alone, with the problem its endpoint would have answered, and nothing of it is written. Retrying the request is safe: items already applied answer with their first result (replayed).',
  })
  @ApiExtraModels(BatchItemDto)
  @ApiBody({ required: true, schema: ITEMS })
  @ApiOkResponse({
    type: BatchResultDto,
    description: 'One result per item; `failed` counts the items refused',
  })
  @ApiProblems({
    400: 'The body is not a list of commands (not an array, an NDJSON line that is not JSON, empty)',
    413: 'More commands than LEDGER_BATCH_MAX_COMMANDS, or a body over LEDGER_BATCH_BODY_LIMIT',
    415: 'The body is neither application/json nor application/x-ndjson',
    503: 'The service is shutting down: retry the request, items already applied are replayed',
  })
  async execute(@Req() request: Request, @Param('verb') verb: string): Promise<BatchResultDto> {
    if (verb !== BATCH_VERB) throw new NotFoundException(`there is no ${request.path}`);
    const items = batchItemsOf(request);
    const runs: Promise<BatchItemResultDto>[] = [];
    for (const [index, raw] of items.entries()) {
      const prepared = await prepareItem(raw, request, this.routes);
      if ('problem' in prepared) {
        if (prepared.operation) this.count(prepared.operation, prepared.problem);
        runs.push(Promise.resolve(failure(index, prepared.operation, prepared.problem)));
        continue;
      }
      // The next item is prepared once this one holds its place in the queue: order is kept.
      const { queued, done } = untilQueued(() => prepared.route.invoke(prepared.request));
      runs.push(this.answer(index, prepared, done));
      await queued;
    }
    const results = await Promise.all(runs);
    const failed = results.filter((result) => result.status >= 400).length;
    return { results, succeeded: results.length - failed, failed };
  }

  /** The item's result as its own endpoint would have answered, counted in the command metrics. */
  private answer(
    index: number,
    { operation, request }: ReadyItem,
    done: Promise<AppendResult>,
  ): Promise<BatchItemResultDto> {
    return done.then(
      (result): BatchItemResultDto => {
        this.metrics.commands.inc({ command: operation, outcome: result.replayed ? 'replayed' : 'accepted' });
        return {
          index,
          operation,
          status: 201,
          replayed: result.replayed,
          etag: etagOf(result.streamRevision),
          location: locationOf(result),
          result: commandResultBody(result),
        };
      },
      (error: unknown) => {
        this.metrics.commands.inc({ command: operation, outcome: outcomeOf(error) });
        return failure(index, operation, this.problemOf(error), request.path);
      },
    );
  }

  private count(operation: string, refused: Problem): void {
    this.metrics.commands.inc({ command: operation, outcome: outcomeOf(new ProblemException(refused)) });
  }

  private problemOf(error: unknown): Problem {
    const mapped = toProblem(error);
    if (mapped) return mapped;
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return problem(500, 'internal-error', 'Internal error', {
      detail: 'The failure was logged; nothing was written.',
    });
  }
}

const failure = (
  index: number,
  operation: string | null,
  refused: Problem,
  instance?: string,
): BatchItemResultDto => {
  // The challenge and the ETag are headers of a single answer; in a batch they would name no one.
  const { wwwAuthenticate: _challenge, etag: _etag, ...body } = refused;
  return {
    index,
    operation,
    status: refused.status,
    problem: instance ? { ...body, instance } : body,
  } as BatchItemResultDto;
};
