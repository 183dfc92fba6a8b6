export * from './scopes.js';
export * from './api-key.js';
export * from './api-key-store.js';
