import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataDirectoryLockedError } from '#event-store';
import { AdminKeyBootstrap } from './access/admin-key-bootstrap.js';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/ledger-config.js';
import { openDatabase } from './event-store/event-store.module.js';
import { createLedgerLogger, nestLoggerOver } from './operability/logging.js';

const logger = new Logger('Main');

const main = async () => {
  const config = loadConfig();
  const log = createLedgerLogger(config.logLevel);
  // JSON from the first line on: the database opening and a locked directory too.
  Logger.overrideLogger(nestLoggerOver(log));
  // Opened before Nest so that a locked data directory is the only thing reported.
  const database = await openDatabase(config, new Logger('EventStore'));
  // SIGTERM/SIGINT close the app (enableShutdownHooks): requests drain first, see GracefulShutdown.
  const app = await createApp(config, { database, log });
  await app.listen(config.port, config.host);
  logger.log(`Alignment Ledger listening on ${await app.getUrl()} — API docs at /docs`);
  const adminKeyFile = app.get(AdminKeyBootstrap).adminKeyFile;
  if (adminKeyFile) logger.log(`Admin key in ${adminKeyFile}: send it as Authorization: Bearer <key>`);
};

main().catch((error: unknown) => {
  if (error instanceof DataDirectoryLockedError || error instanceof ConfigError) {
    logger.error(error.message);
    process.exit(2);
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
