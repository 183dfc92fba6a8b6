export * from './event-store.port.js';
export * from './errors.js';
export * from './hash-chain.js';
export * from './storable-json.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { SqlDatabase, connectPostgres, type SqlQueryable } from './postgres/sql-database.js';
export { openEmbeddedDatabase, pgliteDatabase } from './postgres/embedded-database.js';
export { migrate } from './postgres/migrations.js';
export { createDatabase, databaseUrl, dropDatabase } from './postgres/database-admin.js';
