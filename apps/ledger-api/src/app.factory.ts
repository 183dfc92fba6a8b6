import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { SqlDatabase } from '#event-store';
import { AppModule } from './app.module.js';
import type { LedgerConfig } from './config/ledger-config.js';
import { jsonBody } from './http/json-body.middleware.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { ledgerValidationPipe } from './http/validation.pipe.js';

export interface CreateAppOptions {
  /** The event store's database (see openDatabase); closed when the app closes. */
  database: SqlDatabase;
  logger?: false;
}

/** The configured HTTP application, shared by main.ts and the end-to-end tests. */
export const createApp = async (
  config: LedgerConfig,
  options: CreateAppOptions,
): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.database), {
    bodyParser: false,
    // Let start-up errors reach main(), which explains them.
    abortOnError: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  app.disable('x-powered-by');
  app.use(jsonBody(config.bodyLimitBytes));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Alignment Ledger')
      .setDescription(
        'The append-only record of what sales and marketing did and heard. Commands are POSTed to ' +
          '/v1/{things}/{id}/{verb}; every error is application/problem+json (RFC 9457).',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
};
