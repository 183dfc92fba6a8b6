import { createHash, randomUUID } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';
import {
  type EventStore,
  type Principal,
  type RecordedEvent,
  type SqlQueryable,
  anyState,
  readWholeStream,
} from '#event-store';
import { readFailure } from './failures.js';
import type { Projection } from './projection.js';
import type { ProjectionFailure, SkippedEvent } from './runner-status.js';

/**
 * The ledger's own operational events. A skip is a decision about a read
 * model, not a fact of the sales–marketing relationship, so it stays out of
 * the domain's LedgerEvent union (no capability or FactMap has to decide
 * about it) and no projection folds it; it is still an event of the log,
 * hash-chained and signed for like any other, with the admin as principal.
 */
export const OPERATIONS_STREAM = 'ledger-operations';
export const PROJECTION_EVENT_SKIPPED = 'ProjectionEventSkipped';

type Model = { name: string; version: number };

/** Namespace of the skip events' ids (UUID v5 of the skip's command id). */
const SKIP_ID_NAMESPACE = 'b5d2b8f4-51c9-4a63-8f0e-7a4f3c2d1e90';

/** One skip per projection version and event: a repeat is a replay of the first, never a second event. */
const commandIdOf = (model: Model, position: number) =>
  `skip-projection-event:${model.name}:v${model.version}:${position}`;

const toSkipped = (recorded: RecordedEvent): SkippedEvent => {
  const data = recorded.data as Record<string, unknown>;
  return {
    position: Number(data.position),
    eventId: String(data.eventId),
    eventType: String(data.eventType),
    error: String(data.error),
    reason: typeof data.reason === 'string' ? data.reason : null,
    at: recorded.metadata.recordedAt,
    by: recorded.metadata.principal ?? null,
    audit: { eventId: recorded.eventId, globalPosition: recorded.globalPosition },
  };
};

/**
 * The events this version of the projection skips, read from the log itself.
 * Skips of another version do not apply: a new version is a new fold, which
 * may well take the event (a fix), and is rebuilt from position 0 anyway.
 */
export const readSkips = async (store: EventStore, model: Model): Promise<SkippedEvent[]> =>
  (await readWholeStream(store, OPERATIONS_STREAM))
    .filter(
      ({ type, data }) =>
        type === PROJECTION_EVENT_SKIPPED && data.projection === model.name && data.version === model.version,
    )
    .map(toSkipped);

export type SkipOutcome =
  | { kind: 'recorded' | 'replayed'; skip: SkippedEvent }
  | { kind: 'not-failed-there'; failure: ProjectionFailure | null }
  /** A projection of every event (the Merkle tree) would disagree with the log without one. */
  | { kind: 'takes-every-event' };

export interface SkipRequest {
  position: number;
  reason: string | null;
  by: Principal | null;
}

/**
 * Records in the ledger that the projection skips the one event it is stuck
 * on. Only that event: an admin cannot drop an arbitrary one. A skip already
 * recorded for the position answers again as it did (a retried request).
 * The check and the append are not one transaction (the log may be in
 * EventStoreDB): should a fix fold the event in between, the skip still
 * stands, and every later fold of this version leaves the event out.
 */
export const skipFailedEvent = async (
  db: SqlQueryable,
  store: EventStore,
  model: Model & Pick<Projection, 'eventTypes'>,
  { position, reason, by }: SkipRequest,
): Promise<SkipOutcome> => {
  if (model.eventTypes === 'all') return { kind: 'takes-every-event' };
  const recordedAt = async () => (await readSkips(store, model)).find((s) => s.position === position);
  const earlier = await recordedAt();
  if (earlier) return { kind: 'replayed', skip: earlier };
  const failure = await readFailure(db, model);
  if (failure?.position !== position) return { kind: 'not-failed-there', failure };
  const commandId = commandIdOf(model, position);
  const result = await store.append({
    streamId: OPERATIONS_STREAM,
    expectedState: anyState,
    command: { commandId, fingerprint: createHash('sha256').update(commandId).digest('hex') },
    events: [
      {
        eventId: uuidV5(commandId, SKIP_ID_NAMESPACE),
        type: PROJECTION_EVENT_SKIPPED,
        schemaVersion: 1,
        data: {
          projection: model.name,
          version: model.version,
          position,
          eventId: failure.eventId,
          eventType: failure.eventType,
          error: failure.error,
          reason,
        },
        metadata: {
          commandId,
          correlationId: randomUUID(),
          causationId: commandId,
          actor: null,
          principal: by,
          occurredAt: new Date().toISOString(),
        },
      },
    ],
  });
  const skip = await recordedAt();
  if (!skip) throw new Error(`the skip of position ${position} was appended but cannot be read back`);
  return { kind: result.replayed ? 'replayed' : 'recorded', skip };
};

/** The positions a fold of this version leaves out. */
export const skippedPositions = async (store: EventStore, model: Model): Promise<ReadonlySet<number>> =>
  new Set((await readSkips(store, model)).map((skip) => skip.position));
