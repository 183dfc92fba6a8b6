import { PostgresEventStore } from '#event-store';
import { createTestPostgres, describeEventStoreContract } from '#testing';

describeEventStoreContract('PostgreSQL server', async () =>
  PostgresEventStore.open(await createTestPostgres()),
);
