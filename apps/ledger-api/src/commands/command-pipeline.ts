import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidV5 } from 'uuid';
import {
  type Decider,
  type DomainEvent,
  fold,
  resolveOccurredAt,
  schemaVersionOf,
  upcastStored,
} from '#domain';
import {
  type AppendResult,
  CommandIdReusedError,
  type EventStore,
  type NewEvent,
  NO_REVISION,
  type RecordedEvent,
  WrongExpectedVersionError,
  atRevision,
  noStream,
  readWholeStream,
} from '#event-store';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { LedgerMetrics } from '../operability/ledger-metrics.js';
import type { CommandContext } from './command-context.js';

/** Namespace for event ids derived from command ids (UUID v5). */
const EVENT_ID_NAMESPACE = '6f1c3a52-3d0e-4b9a-9a57-2f4e1d7c8b10';
/** Without If-Match a lost race is retried against the new state, up to this often. */
const MAX_ATTEMPTS = 5;

export interface CommandRun<Command, Event extends DomainEvent, State> {
  decider: Decider<Command, Event, State>;
  streamId: string;
  command: Command;
  context: CommandContext;
  /** The person acting, when the command names one. */
  actor: string | null;
  occurredAt: string | undefined;
}

/**
 * The write path every command takes: replay a known command id, else read
 * the stream, fold, decide, and append expecting the revision that was read.
 */
@Injectable()
export class CommandPipeline {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: LedgerMetrics,
  ) {}

  async run<Command, Event extends DomainEvent, State>(
    run: CommandRun<Command, Event, State>,
  ): Promise<AppendResult> {
    const earlier = await this.replayOf(run.context);
    if (earlier) return earlier;
    try {
      return await this.decideAndAppend(run);
    } catch (error) {
      // A concurrent twin of this command (same key) may have landed between our
      // check and our read, making the decider refuse what is really a retry.
      const twin = await this.replayOf(run.context);
      if (twin) return twin;
      throw error;
    }
  }

  private async replayOf(context: CommandContext): Promise<AppendResult | null> {
    const earlier = await this.store.findCommand(context.commandId);
    if (!earlier) return null;
    if (earlier.fingerprint !== context.fingerprint) throw new CommandIdReusedError(context.commandId);
    return { ...earlier.result, replayed: true };
  }

  private async decideAndAppend<Command, Event extends DomainEvent, State>(
    run: CommandRun<Command, Event, State>,
  ): Promise<AppendResult> {
    const { context } = run;
    const occurredAt = resolveOccurredAt(run.occurredAt, context.receivedAt);
    for (let attempt = 1; ; attempt += 1) {
      const history = await readWholeStream(this.store, run.streamId);
      const revision = history.at(-1)?.streamRevision ?? NO_REVISION;
      this.checkIfMatch(run.streamId, context.expectedRevision, revision);
      const domainEvents = history.map(toDomainEvent<Event>);
      const decided = run.decider.decide(run.command, fold(run.decider, domainEvents));
      if (decided.length === 0) {
        const precedent = await this.precedentResult(run, history, domainEvents);
        if (precedent) return precedent;
      }
      const events = decided.map((event, index) => this.toNewEvent(event, index, run, occurredAt));
      try {
        return await this.append(run, events, revision);
      } catch (error) {
        const lostRace = error instanceof WrongExpectedVersionError && context.expectedRevision === null;
        if (!lostRace || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A harmless repeat answers with the result of the command that did it first. */
  private async precedentResult<C, E extends DomainEvent, S>(
    run: CommandRun<C, E, S>,
    history: RecordedEvent[],
    domainEvents: E[],
  ): Promise<AppendResult | null> {
    const index = run.decider.precedent?.(run.command, domainEvents) ?? -1;
    if (index < 0) return null;
    const first = await this.store.findCommand(history[index].metadata.commandId);
    return first ? { ...first.result, replayed: true } : null;
  }

  private async append<C, E extends DomainEvent, S>(
    run: CommandRun<C, E, S>,
    events: NewEvent[],
    revision: number,
  ): Promise<AppendResult> {
    const timer = this.metrics.appendDuration.startTimer();
    try {
      return await this.store.append({
        streamId: run.streamId,
        events,
        expectedState: revision === NO_REVISION ? noStream : atRevision(revision),
        command: { commandId: run.context.commandId, fingerprint: run.context.fingerprint },
      });
    } finally {
      timer();
    }
  }

  private checkIfMatch(streamId: string, expected: CommandContext['expectedRevision'], actual: number) {
    if (expected === null) return;
    if (expected === 'exists' ? actual === NO_REVISION : expected !== actual) {
      throw new WrongExpectedVersionError(
        streamId,
        expected === 'exists' ? { kind: 'stream-exists' } : atRevision(expected),
        actual,
      );
    }
  }

  private toNewEvent<C, E extends DomainEvent, S>(
    event: E,
    index: number,
    run: CommandRun<C, E, S>,
    occurredAt: string,
  ): NewEvent {
    return {
      // Deterministic: a retried command produces the same event ids.
      eventId: uuidV5(`${run.context.commandId}/${index}`, EVENT_ID_NAMESPACE),
      type: event.type,
      schemaVersion: schemaVersionOf(event.type),
      data: event.data as NewEvent['data'],
      metadata: {
        commandId: run.context.commandId,
        correlationId: run.context.correlationId,
        causationId: run.context.commandId,
        actor: run.actor,
        occurredAt,
      },
    };
  }
}

/** Stored events back into domain events of the current schema versions. */
export const toDomainEvent = <Event extends DomainEvent>(event: RecordedEvent): Event =>
  upcastStored(event) as Event;
