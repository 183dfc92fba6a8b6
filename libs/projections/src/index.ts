export * from './runner/projection.js';
export * from './runner/checkpoints.js';
export * from './runner/lease.js';
export * from './runner/projection-runner.js';
