import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '#event-store';
import { createTestPostgres, describeEventStoreContract, startEventStoreDbTestDouble } from '#testing';

/**
 * The contract over real gRPC: the official client against the protocol test
 * double, command records in a PostgreSQL database of the suite's own. With
 * EVENTSTORE_CONNECTION_STRING set (an empty server: see the README), also
 * against a real EventStoreDB or KurrentDB.
 */
let double: Awaited<ReturnType<typeof startEventStoreDbTestDouble>>;
beforeAll(async () => {
  double = await startEventStoreDbTestDouble();
});
afterAll(() => double.close());

describeEventStoreContract('EventStoreDB test double (gRPC)', async () =>
  EventStoreDbEventStore.open(
    EventStoreDBClient.connectionString(double.connectionString),
    await createTestPostgres(),
  ),
);

const server = process.env.EVENTSTORE_CONNECTION_STRING;
if (server) {
  describeEventStoreContract('EventStoreDB server (EVENTSTORE_CONNECTION_STRING)', async () =>
    EventStoreDbEventStore.open(EventStoreDBClient.connectionString(server), await createTestPostgres()),
  );
}
