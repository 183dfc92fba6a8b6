import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { EventStore, SqlDatabase } from '#event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { DATABASE, EVENT_STORE } from '../event-store/event-store.module.js';
import { ProblemException, problem } from '../http/problem.js';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { HealthDto } from './health.dto.js';
import { ReadModels } from '../projections/read-models.js';

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
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly readModels: ReadModels,
  ) {}

  @Get('live')
  @Access({ public: true })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ operationId: 'GetLiveness', summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthDto, description: 'The process answers: status ok' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Access({ public: true })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    operationId: 'GetReadiness',
    summary:
      'Readiness: the event store and the read-model database answer, and no projection is stuck on an event',
  })
  @ApiOkResponse({
    type: HealthDto,
    description: 'Ready (or degraded): each check, with the store’s head position',
  })
  @ApiProblems({ 503: 'Not ready: detail names the checks that failed, and any stuck projection' })
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
        () => this.projections(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus answers with its own body; every error here is problem+json.
      const result = error.getResponse() as HealthCheckResult;
      const stuck = result.error?.projections?.failed as { name: string; position: number }[] | undefined;
      const named = stuck?.length ? ` (${stuck.map((f) => `${f.name} at ${f.position}`).join(', ')})` : '';
      throw new ProblemException(
        problem(503, 'not-ready', 'Not ready', {
          detail: `failing: ${Object.keys(result.error ?? {}).join(', ')}${named}`,
          checks: result.details,
        }),
      );
    }
  }

  /**
   * The projections stuck on an event. By default such a projection makes the
   * replica not ready, as the issue asks: on every replica at once, since they
   * all read the same failure, so an orchestrator stops sending any traffic,
   * commands included. LEDGER_READINESS_PROJECTIONS=degraded keeps
   * the replicas in rotation (200, status "degraded", the projection named)
   * for those who would rather take commands while a read model is repaired.
   */
  private async projections() {
    const check = this.indicators.check('projections');
    const read = await check
      .attempt(async () => ({ failed: await this.readModels.failures() }))
      .withTimeout(CHECK_TIMEOUT_MS);
    const failed = read.projections.failed as Awaited<ReturnType<ReadModels['failures']>> | undefined;
    if (!failed?.length) return read; // up, or down with the database (which says why)
    const named = {
      failed: failed.map(({ name, position, eventType, error, since }) => ({
        name,
        position,
        eventType,
        error,
        since,
      })),
    };
    return this.config.projectionFailureReadiness === 'degraded' ? check.degraded(named) : check.down(named);
  }
}
