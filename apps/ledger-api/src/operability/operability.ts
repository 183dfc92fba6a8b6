import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { GracefulShutdown } from './graceful-shutdown.js';
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { pinoParams } from './logging.js';
import { MetricsController } from './metrics.controller.js';
import { ProbesController } from './probes.controller.js';

/**
 * Probes, metrics, logs and graceful shutdown, spread into AppModule rather
 * than a module of their own: the metrics read ReadModels, and the
 * command handler records into LedgerMetrics.
 */
export const operability = (log: Logger) => ({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), LoggerModule.forRoot(pinoParams(log))],
  controllers: [ProbesController, MetricsController],
  providers: [LedgerMetrics, GracefulShutdown],
});
