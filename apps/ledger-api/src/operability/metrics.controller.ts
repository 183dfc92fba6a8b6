import { Controller, Get, Header, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { allProjections } from '#projections';
import { ReadModels } from '../projections/read-models.js';
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { Access } from '../access/access.decorator.js';

@ApiTags('operability')
@Controller('metrics')
export class MetricsController {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: LedgerMetrics,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Access({ metrics: true })
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'GetMetrics',
    summary:
      'Prometheus metrics: commands, append latency, projection lag, failures and rebuilds, Node.js process',
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: {
      'text/plain': {
        schema: {
          type: 'string',
          example: 'ledger_commands_total{command="LogObjection",outcome="accepted"} 3',
        },
      },
    },
  })
  async scrape(): Promise<string> {
    await this.collectProjections();
    return this.metrics.registry.metrics();
  }

  /** Read at scrape time, as GET /v1/projections/{name} reports them: they are state, not counts. */
  private async collectProjections(): Promise<void> {
    const { projectionLag, projectionCheckpoint, projectionFailed, rebuildProcessed, rebuildTotal } =
      this.metrics;
    const gauges = [projectionLag, projectionCheckpoint, projectionFailed, rebuildProcessed, rebuildTotal];
    for (const gauge of gauges) gauge.reset();
    try {
      for (const { name } of allProjections) {
        const { lag, checkpoint, failedAt, rebuild } = await this.readModels.status(name);
        projectionLag.set({ projection: name }, lag);
        projectionCheckpoint.set({ projection: name }, checkpoint);
        projectionFailed.set({ projection: name }, failedAt ? 1 : 0);
        if (rebuild) {
          rebuildProcessed.set({ projection: name }, rebuild.processed);
          rebuildTotal.set({ projection: name }, rebuild.total);
        }
      }
    } catch (error) {
      // The database is away: no values rather than stale ones; readiness says why.
      this.logger.warn(`projection metrics unavailable: ${error instanceof Error ? error.message : error}`);
    }
  }
}
