import { v5 as uuidV5 } from 'uuid';
import { type DomainEvent, ROSTER_STREAM_ID, fold, schemaVersionOf } from '#domain';
import {
  type AppendRequest,
  type AppendResult,
  type NewEvent,
  NO_REVISION,
  atRevision,
  noStream,
} from '#event-store';
import { ProblemException } from '../../http/problem.js';
import { preconditionFailed } from '../../http/problem-mapping.js';
import { formatIfMatch, ifMatchHolds, singleRevision } from '../if-match.js';
import { ledgerInputsOf } from './ledger-inputs.js';
import { streamContention } from '../lost-races.js';
import type { PendingCommand } from './pending-command.js';
import { type StreamState, withEvents } from './stream-cache.js';

/** Namespace for event ids derived from command ids (UUID v5). */
const EVENT_ID_NAMESPACE = '6f1c3a52-3d0e-4b9a-9a57-2f4e1d7c8b10';

/** A stream a decision was based on, at the revision it had then. */
export interface StreamRead {
  streamId: string;
  revision: number;
}

/** What deciding one command came to, before anything is written. */
export type Verdict =
  | { kind: 'append'; request: AppendRequest; reads: StreamRead[] }
  | { kind: 'refused'; error: unknown; reads: StreamRead[] }
  /** Nothing to do: a harmless repeat, answered with the result of the command that did it first. */
  | { kind: 'precedent'; commandId: string; request: AppendRequest; reads: StreamRead[] }
  /** The precedent's result, found in the store. */
  | { kind: 'replayed'; result: AppendResult; reads: StreamRead[] };

/** The streams of one group commit as its commands leave them, decided one after another. */
export type BatchView = Map<string, StreamState>;

const EMPTY: StreamState = { revision: NO_REVISION, events: [], commandIds: [] };

export const stateIn = (view: BatchView, streamId: string): StreamState => view.get(streamId) ?? EMPTY;

const toNewEvent = (event: DomainEvent, index: number, pending: PendingCommand): NewEvent => {
  const { capability, command, context } = pending.message;
  return {
    // Deterministic: a retried command produces the same event ids.
    eventId: uuidV5(`${context.commandId}/${index}`, EVENT_ID_NAMESPACE),
    type: event.type,
    schemaVersion: schemaVersionOf(event.type),
    data: event.data as NewEvent['data'],
    metadata: {
      commandId: context.commandId,
      correlationId: context.correlationId,
      causationId: context.commandId,
      actor: capability.actorOf(command),
      principal: context.principal,
      occurredAt: pending.occurredAt,
    },
  };
};

/**
 * Decides one command against the batch's view of its stream and the roster
 * (what the commands before it in the batch made of them), and adds what it
 * decided to the view, so that the next command on the stream sees it. Pure
 * but for the clock of the deadline: nothing is written here.
 */
export const decidePending = (
  pending: PendingCommand,
  view: BatchView,
  { currency, retryMs, now }: { currency: string; retryMs: number; now: number },
): Verdict => {
  const { capability, context } = pending.message;
  const stream = stateIn(view, pending.streamId);
  const reads: StreamRead[] = [{ streamId: pending.streamId, revision: stream.revision }];
  const usesRoster = capability.inputs.includes('roster') && pending.streamId !== ROSTER_STREAM_ID;
  const roster = stateIn(view, ROSTER_STREAM_ID);
  if (usesRoster) reads.push({ streamId: ROSTER_STREAM_ID, revision: roster.revision });
  const refuse = (error: unknown): Verdict => ({ kind: 'refused', error, reads });
  if (now > (pending.deadline ?? now)) {
    return refuse(streamContention(pending.streamId, pending.attempts, retryMs));
  }
  if (context.ifMatch && !ifMatchHolds(context.ifMatch, stream.revision)) {
    const { ifMatch } = context;
    return refuse(
      new ProblemException(
        preconditionFailed(
          pending.streamId,
          formatIfMatch(ifMatch),
          stream.revision,
          singleRevision(ifMatch),
        ),
      ),
    );
  }
  let decided: DomainEvent[];
  try {
    const command = { ...pending.message.command, ...ledgerInputsOf(capability.inputs, roster, currency) };
    decided = capability.decide(command, fold(capability, stream.events));
    if (decided.length === 0) {
      const index = capability.precedent?.(command, stream.events) ?? -1;
      if (index >= 0) {
        const request = appendRequest(pending, [], stream, usesRoster ? roster : null);
        return { kind: 'precedent', commandId: stream.commandIds[index], request, reads };
      }
    }
  } catch (error) {
    return refuse(error);
  }
  const request = appendRequest(pending, decided, stream, usesRoster ? roster : null);
  view.set(pending.streamId, withEvents(stream, decided, context.commandId));
  return { kind: 'append', request, reads };
};

const appendRequest = (
  pending: PendingCommand,
  decided: DomainEvent[],
  stream: StreamState,
  roster: StreamState | null,
): AppendRequest => ({
  streamId: pending.streamId,
  events: decided.map((event, index) => toNewEvent(event, index, pending)),
  expectedState: stream.revision === NO_REVISION ? noStream : atRevision(stream.revision),
  command: { commandId: pending.message.context.commandId, fingerprint: pending.message.context.fingerprint },
  readRevisions: roster ? [{ streamId: ROSTER_STREAM_ID, revision: roster.revision }] : undefined,
});
