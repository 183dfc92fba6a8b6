export * from './runner/projection.js';
export * from './runner/checkpoints.js';
export * from './runner/lease.js';
export * from './runner/projection-runner.js';
export * from './retro-board/retro-board.projection.js';
export * from './retro-board/retro-board.query.js';
export * from './all-projections.js';
