import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { SqlDatabase } from '#event-store';
import { AppModule } from './app.module.js';
import type { LedgerConfig } from './config/ledger-config.js';
import { createApiDocument } from './contract/api-document.js';
import { dashboardDirectory, serveDashboard } from './dashboard/dashboard-assets.js';
import { declareTaxonomies } from './http/declare-taxonomies.js';
import { jsonBody } from './http/json-body.middleware.js';
import { batchBody, isBatchRequest } from './commands/batch/batch-body.middleware.js';
import { corsOptions, securityHeaders } from './http/security-headers.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { LimitedExpressAdapter } from './http/server-limits.js';
import { ledgerValidationPipe } from './http/validation.pipe.js';
import { LedgerMetrics } from './metrics/ledger-metrics.js';
import { GracefulShutdown } from './operability/graceful-shutdown.js';
import { createLedgerLogger, requestLogging } from './operability/logging.js';
import { assignLogIds, bindLogIds } from './operability/request-log-ids.js';

interface CreateAppOptions {
  /** The event store's database (see openDatabase); closed when the app closes. */
  database: SqlDatabase;
  /** false: log nothing at all (tests, benchmarks). */
  logger?: false;
  /** The process's logger (main.ts makes it before the database opens); else one on stdout at LOG_LEVEL. */
  log?: Logger;
}

/** The configured HTTP application, shared by main.ts and the end-to-end tests. */
export const createApp = async (
  config: LedgerConfig,
  options: CreateAppOptions,
): Promise<INestApplication> => {
  const log = options.log ?? createLedgerLogger(options.logger === false ? 'silent' : config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.database, log),
    new LimitedExpressAdapter(config.serverLimits),
    {
      bodyParser: false,
      // Let start-up errors reach main(), which explains them.
      abortOnError: false,
      // Nest's own lines (start-up included) go to pino once useLogger is called.
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(PinoNestLogger));
  const metrics = app.get(LedgerMetrics);
  app.getHttpServer().on('drop', () => metrics.connectionsDropped.inc());
  app.disable('x-powered-by');
  app.use(securityHeaders);
  if (config.corsOrigins.length > 0) app.enableCors(corsOptions(config.corsOrigins));
  app.use(
    // Ids first, then the request log (so refused bodies are logged), then the shutdown gate.
    assignLogIds,
    requestLogging(log),
    app.get(GracefulShutdown).track,
    batchBody(config.writePath),
    jsonBody(config.bodyLimitBytes, isBatchRequest),
    bindLogIds,
  );
  const dashboard = dashboardDirectory();
  if (dashboard) serveDashboard(app, dashboard);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();
  const document = createApiDocument(app, config);
  declareTaxonomies(document, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
};
