import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { toProblem } from '../http/problem-mapping.js';
import { type CommandOutcome, LedgerMetrics } from '../metrics/ledger-metrics.js';

/** Route metadata: the command an endpoint runs (for its metrics). */
export const COMMAND_NAME = 'ledger:command-name';

/** By the status the problem+json filter will answer with, so metrics and clients agree. */
export const outcomeOf = (error: unknown): CommandOutcome => {
  const status = toProblem(error)?.status ?? 500;
  // The history disagreed: a conflict (409), or a stale If-Match (412).
  if (status === 409 || status === 412) return 'conflict';
  if (status === 422) return 'rejected';
  if (status < 500) return 'invalid';
  return 'error';
};

/**
 * Counts every command endpoint's outcome. An interceptor rather than the
 * pipeline: it also sees what fails before the pipeline runs (pipes validating
 * the body, ids and headers), and it counts before the response leaves, so a
 * client that reads /metrics after its answer always finds its command there.
 * Bodies refused before routing (malformed JSON, 413, 415) name no command
 * and are not counted here.
 */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly metrics: LedgerMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const command = this.reflector.get<string | undefined>(COMMAND_NAME, context.getHandler());
    if (command === undefined) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const count = (outcome: CommandOutcome) => this.metrics.commands.inc({ command, outcome });
    return next.handle().pipe(
      tap({
        next: () => count(response.getHeader('Idempotent-Replayed') === 'true' ? 'replayed' : 'accepted'),
        error: (error: unknown) => count(outcomeOf(error)),
      }),
    );
  }
}
