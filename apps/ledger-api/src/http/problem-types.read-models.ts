import type { ProblemExplanation } from './problem-explanation.js';

/** The problems of the read models, their rebuilds and skips, and the audit tree built as one. */
export const READ_MODEL_PROBLEM_TYPES = {
  'projection-not-found': {
    status: 404,
    title: 'No such projection',
    description: 'The path names no read model of this service; `detail` lists the known ones.',
    fix: 'Use a name from `GET /v1/projections`.',
  },
  'rebuild-in-progress': {
    status: 409,
    title: 'A rebuild is already running',
    description: 'The read model is being rebuilt, on this replica or another; one rebuild runs at a time.',
    fix: 'Follow its progress with `GET /v1/projections/{name}` and start another once it has finished.',
  },
  'projection-not-failed-there': {
    status: 409,
    title: 'Only the event a projection is stuck on may be skipped',
    description:
      'A skip names the position the projection failed at, and it is stuck elsewhere or not at all (`failedAt`).',
    fix: 'Read `GET /v1/projections/{name}` for the position it is stuck at, and skip that one if it is to be skipped.',
  },
  'projection-takes-every-event': {
    status: 409,
    title: 'This projection cannot skip an event',
    description:
      'The Merkle tree folds every event of the log, in order: a tree that left one out would disagree with the log, and every proof after it would fail.',
    fix: 'Find why it fails (`error` in `GET /v1/projections/merkle-tree`), mend the cause and let it retry, or rebuild it.',
  },
  'tree-head-not-kept': {
    status: 404,
    title: 'No tree head was signed at this size',
    description:
      'Heads are signed at every multiple of `LEDGER_TREE_HEAD_EVERY_EVENTS` and for the tree as it stood every `LEDGER_TREE_HEAD_EVERY_S` seconds; none at this size. `detail` names the nearest kept sizes.',
    fix: 'Ask for a kept size, or for the latest head without `treeSize`; proofs work between any sizes the tree has reached.',
  },
  'tree-size-not-reached': {
    status: 404,
    title: 'The tree has not reached this size',
    description:
      'The Merkle tree covers fewer events than asked for: the events are newer than the tree, or do not exist yet. `treeSize` is the size it has now.',
    fix: 'Ask for a size up to `treeSize`, or wait a moment: the tree follows the log within a second or so.',
  },
  'projection-behind': {
    status: 503,
    title: 'The read model has not caught up yet',
    description:
      'A read with `?minPosition=` waited `LEDGER_READ_WAIT_MS` for its read models to reach that position.',
    fix: 'Retry after `Retry-After` seconds; `GET /v1/projections` shows how far each model has got.',
  },
} satisfies Record<string, ProblemExplanation & { status: number }>;
