import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { EventStore, SqlDatabase } from '#event-store';
import { DATABASE, EVENT_STORE } from '../event-store/event-store.module.js';
import { ProblemException, problem } from '../http/problem.js';
import { Access } from '../access/access.decorator.js';

/** A check that has not answered by then counts as down: a probe must not hang. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Kubernetes-style probes. Not the alignment health read model
 * (GET /v1/alignment-health): these say whether the process can serve.
 */
@ApiTags('operability')
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: SqlDatabase,
  ) {}

  @Get('live')
  @Access({ public: true })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ operationId: 'GetLiveness', summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: '{"status":"ok"}' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Access({ public: true })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    operationId: 'GetReadiness',
    summary: 'Readiness: the event store and the read-model database answer',
  })
  @ApiOkResponse({ description: 'status ok, with the store’s head position' })
  @ApiServiceUnavailableResponse({ description: 'problem+json naming the checks that failed' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () =>
          this.indicators
            .check('eventStore')
            .attempt(async () => ({ headPosition: await this.store.headPosition() }))
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('database')
            .attempt(async () => {
              await this.db.query('SELECT 1');
            })
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus answers with its own body; every error here is problem+json.
      const result = error.getResponse() as HealthCheckResult;
      throw new ProblemException(
        problem(503, 'not-ready', 'Not ready', {
          detail: `failing: ${Object.keys(result.error ?? {}).join(', ')}`,
          checks: result.details,
        }),
      );
    }
  }
}
