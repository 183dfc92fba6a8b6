import { CommandIdReusedError, WrongExpectedVersionError } from '../errors.js';
import type { AppendOutcome, AppendRequest, AppendResult, StoredCommand } from '../event-store.port.js';
import { NO_REVISION, atRevision } from '../event-store.port.js';
import { isSatisfied } from '../append-rules.js';
import { assertStorable } from '../storable-json.js';
import type { ChainHead, CommandInsert, EventInsert } from './append-statements.js';
import { chainEvents } from './chain-events.js';

/** What the requests of one transaction found under the head lock. */
export interface LockedState {
  head: ChainHead;
  /** Revisions of the streams the requests name (absent: no events). */
  revisions: Map<string, number>;
  /** Earlier uses of the requests' command ids. */
  commands: Map<string, StoredCommand>;
}

/** The rows one transaction writes, and the answer to each request. */
export interface AppendPlan {
  events: EventInsert[];
  commands: CommandInsert[];
  /** The streams that moved, at their new revisions. */
  streams: Map<string, number>;
  head: ChainHead;
  outcomes: AppendOutcome[];
}

/** Why a request's events cannot be stored (a NUL in a string, say), else null. */
export const storableError = (request: AppendRequest): Error | null => {
  try {
    assertStorable(request.events);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
};

/** The streams whose revisions a request is checked against. */
export const streamsRead = (request: AppendRequest): string[] => [
  request.streamId,
  ...(request.readRevisions ?? []).map((read) => read.streamId),
];

const refused = (error: Error): AppendOutcome => ({ ok: false, error });

/** The first stream the decision read that has moved since, as the error that says so. */
const movedInput = (request: AppendRequest, revisions: Map<string, number>) => {
  for (const { streamId, revision } of request.readRevisions ?? []) {
    const actual = revisions.get(streamId) ?? NO_REVISION;
    if (actual !== revision) return new WrongExpectedVersionError(streamId, atRevision(revision), actual);
  }
  return null;
};

/**
 * Decides, request by request, what the transaction writes: each is checked
 * against the streams and command records as the requests before it left
 * them (so a twin later in the batch replays the first), chained after the
 * one before, and refused alone when its expectation does not hold.
 */
export const planAppends = (
  requests: readonly AppendRequest[],
  locked: LockedState,
  recordedAt: string,
): AppendPlan => {
  const revisions = new Map(locked.revisions);
  const commands = new Map(locked.commands);
  const plan: AppendPlan = { events: [], commands: [], streams: new Map(), head: locked.head, outcomes: [] };
  for (const request of requests) {
    const { commandId, fingerprint } = request.command;
    const earlier = commands.get(commandId);
    if (earlier) {
      plan.outcomes.push(
        earlier.fingerprint === fingerprint
          ? { ok: true, result: { ...earlier.result, replayed: true } }
          : refused(new CommandIdReusedError(commandId)),
      );
      continue;
    }
    const actual = revisions.get(request.streamId) ?? NO_REVISION;
    if (!isSatisfied(request.expectedState, actual)) {
      plan.outcomes.push(
        refused(new WrongExpectedVersionError(request.streamId, request.expectedState, actual)),
      );
      continue;
    }
    const moved = movedInput(request, revisions);
    if (moved) {
      plan.outcomes.push(refused(moved));
      continue;
    }
    const rows = chainEvents(request, plan.head, actual, recordedAt);
    const last = rows.at(-1);
    const result: AppendResult = {
      streamId: request.streamId,
      commandId,
      streamRevision: last?.streamRevision ?? actual,
      globalPosition: last?.globalPosition ?? plan.head.position,
      events: rows.map((row) => ({
        eventId: row.eventId,
        type: row.type,
        streamRevision: row.streamRevision,
        globalPosition: row.globalPosition,
      })),
      replayed: false,
    };
    plan.events.push(...rows);
    plan.commands.push({ commandId, fingerprint, streamId: request.streamId, result, recordedAt });
    commands.set(commandId, { commandId, fingerprint, result });
    if (last) {
      revisions.set(request.streamId, last.streamRevision);
      plan.streams.set(request.streamId, last.streamRevision);
      plan.head = { position: last.globalPosition, hash: last.hash, recordedAt: new Date(recordedAt) };
    }
    plan.outcomes.push({ ok: true, result });
  }
  return plan;
};
