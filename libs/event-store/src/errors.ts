import type { ExpectedState } from './event-store.port.js';

export const describeExpected = (state: ExpectedState): string =>
  state.kind === 'revision' ? String(state.revision) : state.kind;

/** The stream is not in the state the writer expected: someone else wrote first. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedState,
    readonly actualRevision: number,
  ) {
    super(`stream ${streamId}: expected ${describeExpected(expected)}, actual revision ${actualRevision}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The same command id was sent before with different content. */
export class CommandIdReusedError extends Error {
  constructor(readonly commandId: string) {
    super(`command id ${commandId} was already used for a different command`);
    this.name = 'CommandIdReusedError';
  }
}

/** The event cannot be stored as given (e.g. a NUL character, which JSONB cannot hold). */
export class InvalidEventError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** Another process owns the embedded data directory. */
export class DataDirectoryLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Alignment Ledger process. ` +
        'Stop that process, or point LEDGER_DATA_DIR at another directory.',
    );
    this.name = 'DataDirectoryLockedError';
  }
}

/** The event store did not answer (or did not confirm an append): try again shortly; nothing is lost or doubled. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
