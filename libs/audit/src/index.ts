export * from './compact-range.js';
export * from './merkle-hashing.js';
export * from './merkle-proofs.js';
export * from './tree-head.js';
export * from './proof-verification.js';
