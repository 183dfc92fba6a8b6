export * from './event-store-contract.js';
export * from './event-store-fixtures.js';
export * from './test-databases.js';
export * from './given-when-then.js';
export * from './eventstoredb-double/eventstoredb-test-double.js';
export * from './merkle-reference-vectors.js';
