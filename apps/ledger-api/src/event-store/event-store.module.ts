import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  type Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  type EventStore,
  EventStoreDbEventStore,
  PersonalDataVault,
  PostgresEventStore,
  type SqlDatabase,
  connectPostgres,
  openEmbeddedDatabase,
} from '#event-store';
import type { LedgerConfig } from '../config/ledger-config.js';

export const EVENT_STORE = Symbol('EventStore');
export const PERSONAL_DATA_VAULT = Symbol('PersonalDataVault');
/** The database of the read models (and, with EVENT_STORE=postgres, of the event log). */
export const DATABASE = Symbol('Database');

/** The database the configuration names: a PostgreSQL server, or the embedded PGlite. */
export const openDatabase = async (config: LedgerConfig, logger: Logger): Promise<SqlDatabase> => {
  const holds = config.eventStore === 'postgres' ? 'Event store and read models' : 'Read models';
  if (config.databaseUrl) {
    logger.log(`${holds}: PostgreSQL server (DATABASE_URL)`);
    return connectPostgres(config.databaseUrl, config.databasePoolSize);
  }
  logger.log(`${holds}: embedded PGlite in ${config.dataDir}`);
  return openEmbeddedDatabase(config.dataDir, (error) => {
    // Another process may now write to the directory: stop before anything is lost.
    logger.error(`Lost the lock on ${config.dataDir}: ${error.message}; exiting`);
    process.exit(1);
  });
};

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  static forRoot(
    database: SqlDatabase,
    config: Pick<LedgerConfig, 'eventStore' | 'eventStoreConnectionString'>,
  ): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: (): Promise<EventStore> =>
            config.eventStore === 'eventstoredb'
              ? EventStoreDbEventStore.open(
                  EventStoreDBClient.connectionString(config.eventStoreConnectionString ?? ''),
                  database,
                )
              : PostgresEventStore.open(database),
        },
        // Shares the database (and its migrations) with the store it is injected next to.
        {
          provide: PERSONAL_DATA_VAULT,
          useFactory: () => new PersonalDataVault(database),
          inject: [EVENT_STORE],
        },
        { provide: DATABASE, useValue: database },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE, PERSONAL_DATA_VAULT, DATABASE],
    };
  }
}
