import { decideAppend, type ExpectedRevision } from './expected-revision.js';

/** An event as the double stores it: what a RecordedEvent carries on the wire. */
export interface StoredEvent {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  /**
   * Log position. Commit and prepare are equal, as they are for every event a modern server
   * writes (implicit transactions: each event is a self-committed prepare record).
   */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  /** .NET ticks (100 ns) since the Unix epoch: the server's `created` metadata. */
  readonly createdTicks: bigint;
  readonly customMetadata: Uint8Array;
  readonly data: Uint8Array;
}

export type ProposedEvent = Pick<StoredEvent, 'id' | 'type' | 'contentType' | 'customMetadata' | 'data'>;

/** What the stream looks like after (or instead of) an append. */
export type CurrentRevision = bigint | 'no_stream';

export type AppendOutcome =
  | {
      readonly kind: 'success';
      readonly currentRevision: CurrentRevision;
      /** Absent when nothing was written (an empty append). */
      readonly position?: { readonly commit: bigint; readonly prepare: bigint };
    }
  | {
      readonly kind: 'wrong_expected_version';
      readonly currentRevision: CurrentRevision;
      readonly expected: ExpectedRevision;
    };

/** Where the first event lands: a real log starts after its chunk header and epoch records. */
const FIRST_POSITION = 1_296n;
const utf8 = new TextEncoder();

/**
 * Bytes a prepare record of this event would take. Positions are byte offsets in a real log,
 * so they advance by a few hundred per event, never by 1: an adapter that assumes dense
 * positions (next = previous + 1) fails against the double as it would against the server.
 */
const recordSize = (streamName: string, type: string, data: Uint8Array, metadata: Uint8Array): bigint =>
  BigInt(120 + utf8.encode(streamName).length + utf8.encode(type).length + data.length + metadata.length);

const nowInTicks = (): bigint => BigInt(Date.now()) * 10_000n;

/** The whole database of the double: the $all log, the streams indexing into it, live listeners. */
export class InMemoryLog {
  readonly #all: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();
  readonly #listeners = new Set<() => void>();
  #nextPosition = FIRST_POSITION;

  /** All events in log order (ascending position). */
  get all(): readonly StoredEvent[] {
    return this.#all;
  }

  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.#streams.get(streamName);
  }

  /** Index in `all` of the first event whose position is >= `position` (or `all.length`). */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.#all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index in `all` of the first event strictly after `position`. */
  indexAfter(position: bigint): number {
    return this.indexAtOrAfter(position + 1n);
  }

  /**
   * Appends with the server's optimistic concurrency and its idempotence: a retry of events
   * already written (same ids where the expected revision puts them) succeeds again and writes
   * nothing. See expected-revision.ts for the decision itself.
   */
  append(streamName: string, expected: ExpectedRevision, events: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.#streams.get(streamName) ?? [];
    const currentRevision: CurrentRevision = stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
    const decision = decideAppend(
      stream.map((event) => event.id),
      expected,
      events.map((event) => event.id),
    );

    if (decision.kind === 'wrong_expected_version') {
      return { kind: 'wrong_expected_version', currentRevision, expected };
    }
    if (decision.kind === 'idempotent') {
      // The server answers an idempotent write with the revision and log position of the last
      // event of the original write; here that is simply the already stored event.
      const last = stream[decision.lastIndex];
      return {
        kind: 'success',
        currentRevision: last.revision,
        position: { commit: last.position, prepare: last.position },
      };
    }
    if (events.length === 0) return { kind: 'success', currentRevision };

    const written = events.map((event) => this.#write(streamName, event));
    const first = written[0];
    const last = written[written.length - 1];
    this.#notify();
    // As the server reports an implicit transaction: commit = the last record, prepare = the first.
    return {
      kind: 'success',
      currentRevision: last.revision,
      position: { commit: last.position, prepare: first.position },
    };
  }

  /** Registers a callback run after every write; returns the unregistration. */
  onAppended(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #write(streamName: string, event: ProposedEvent): StoredEvent {
    let stream = this.#streams.get(streamName);
    if (!stream) {
      stream = [];
      this.#streams.set(streamName, stream);
    }
    const stored: StoredEvent = {
      ...event,
      streamName,
      revision: BigInt(stream.length),
      position: this.#nextPosition,
      createdTicks: nowInTicks(),
    };
    this.#nextPosition += recordSize(streamName, event.type, event.data, event.customMetadata);
    stream.push(stored);
    this.#all.push(stored);
    return stored;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
