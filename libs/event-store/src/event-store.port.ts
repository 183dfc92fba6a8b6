/**
 * The EventStore port. It knows streams, revisions, positions and opaque JSON
 * payloads — nothing of the alignment domain — so any backend can implement it.
 */

/** Revisions count from 0 within a stream; -1 means "the stream has no events". */
export const NO_REVISION = -1;

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no-stream' }
  | { kind: 'stream-exists' }
  | { kind: 'revision'; revision: number };

export const anyState: ExpectedState = { kind: 'any' };
export const noStream: ExpectedState = { kind: 'no-stream' };
export const streamExists: ExpectedState = { kind: 'stream-exists' };
export const atRevision = (revision: number): ExpectedState => ({ kind: 'revision', revision });

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The authenticated caller that reported an event: a system's API key, or a person's OIDC token. */
export type Principal =
  { kind: 'api-key'; id: string; name: string } | { kind: 'oidc'; issuer: string; subject: string };

/**
 * Who and what caused an event. `actor` is the person acting in the business;
 * `principal` the caller that reported it (absent on events recorded before
 * callers were authenticated, null on anonymous retro notes). `recordedAt` is
 * added by the store at append.
 */
export interface EventMetadata {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: string | null;
  principal?: Principal | null;
  occurredAt: string;
}

export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata & { recordedAt: string };
  streamId: string;
  streamRevision: number;
  globalPosition: number;
  /** SHA-256 (hex) of the previous event's hash and this event's canonical JSON. */
  previousHash: string;
  hash: string;
}

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expectedState: ExpectedState;
  /** Durable idempotency: a second append with the same command id appends nothing. */
  command: { commandId: string; fingerprint: string };
  /**
   * Other streams the decision was based on (the roster), at the revisions it
   * read: checked with the stream's own, so a decision on stale inputs is a
   * WrongExpectedVersionError naming the stream that moved.
   */
  readRevisions?: readonly { streamId: string; revision: number }[];
}

/** What became of one request of `appendMany`: its result, or why it alone was refused. */
export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

export interface AppendResult {
  streamId: string;
  commandId: string;
  /** Revision of the stream after the append (unchanged when nothing was appended). */
  streamRevision: number;
  /** Global position of the last appended event; the head position when nothing was appended. */
  globalPosition: number;
  events: { eventId: string; type: string; streamRevision: number; globalPosition: number }[];
  /** True when this command id had been appended before and the first result is returned. */
  replayed: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface EventFilter {
  eventTypes?: string[];
  /** The part of a stream id before its first '-': `campaign` for `campaign-q3-launch`. */
  streamCategories?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events with a position greater than this. 0 reads from the beginning. */
  afterPosition?: number;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** The checkpoint: the last position the subscriber has processed (0 = none). */
  afterPosition?: number;
  filter?: EventFilter;
  batchSize?: number;
}

/** Catch-up then live; iterate with `for await`, stop with `close()` or `break`. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface StoredCommand {
  commandId: string;
  fingerprint: string;
  result: AppendResult;
}

export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Group commit: the requests in order, each against the streams as the ones
   * before it left them, written together (one transaction where the backend
   * has them). A request that is refused (wrong expected revision, command id
   * reused) fails alone; the outcomes answer the requests one for one.
   */
  appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]>;
  /**
   * Writes events recorded by a ledger (an export) as they are, after the
   * head: the next positions, linked to its hash, stream revisions without a
   * gap. Anything else is a RestoreRefusedError and nothing is written.
   * Used to restore or migrate a ledger; command records do not travel.
   */
  restore(events: readonly RecordedEvent[]): Promise<void>;
  /** The recorded result of a command id, if it was appended before. */
  findCommand(commandId: string): Promise<StoredCommand | null>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Whole streams at once (one round trip where the backend allows): every id has an entry. */
  readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>>;
  /** Current revision of a stream, NO_REVISION when it has no events. */
  streamRevision(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the global order (0 when empty). */
  headPosition(): Promise<number>;
  subscribe(options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const streamCategory = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
};
