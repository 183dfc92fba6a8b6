import { type ExpectedState, NO_REVISION } from './event-store.port.js';

/** The most events one read returns, whatever the caller asks for. */
export const MAX_READ = 10_000;

/** Whether a stream at revision `actual` is in the state an append expects. */
export const isSatisfied = (expected: ExpectedState, actual: number): boolean => {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === NO_REVISION;
    case 'stream-exists':
      return actual !== NO_REVISION;
    case 'revision':
      return actual === expected.revision;
  }
};

/** recordedAt of the next append: never before the previous one along the global order, whatever the clock says. */
export const knowledgeTime = (now: Date, previous: Date): string =>
  (now.getTime() > previous.getTime() ? now : previous).toISOString();
