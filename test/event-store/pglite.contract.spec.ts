import { PostgresEventStore } from '#event-store';
import { createTestPglite, describeEventStoreContract } from '#testing';

describeEventStoreContract('PGlite (embedded)', async () =>
  PostgresEventStore.open(await createTestPglite()),
);
