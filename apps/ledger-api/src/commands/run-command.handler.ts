import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidV5 } from 'uuid';
import { type DomainEvent, fold, resolveOccurredAt, schemaVersionOf } from '#domain';
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
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import type { CommandContext } from './command-context.js';
import { LedgerInputsReader, toDomainEvent } from './ledger-inputs.js';
import { RunCommand } from './run-command.js';

/** Namespace for event ids derived from command ids (UUID v5). */
const EVENT_ID_NAMESPACE = '6f1c3a52-3d0e-4b9a-9a57-2f4e1d7c8b10';
/** Without If-Match a lost race is retried against the new state, up to this often. */
const MAX_ATTEMPTS = 5;

/** A command of any capability, its ledger inputs filled in. */
interface Decision {
  message: RunCommand;
  command: { type: string };
  streamId: string;
  occurredAt: string;
}

/**
 * The write path every command takes: replay a known command id, else read
 * the stream, fold, decide, and append expecting the revision that was read.
 */
@CommandHandler(RunCommand)
export class RunCommandHandler implements ICommandHandler<RunCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inputs: LedgerInputsReader,
    private readonly metrics: LedgerMetrics,
  ) {}

  async execute(message: RunCommand): Promise<AppendResult> {
    const earlier = await this.replayOf(message.context);
    if (earlier) return earlier;
    try {
      const inputs = await this.inputs.read(message.capability.inputs);
      return await this.decideAndAppend({
        message,
        command: { ...message.command, ...inputs },
        streamId: message.capability.streamIdOf(message.command),
        occurredAt: resolveOccurredAt(message.occurredAt, message.context.receivedAt),
      });
    } catch (error) {
      // A concurrent twin of this command (same key) may have landed between our
      // check and our read, making the decider refuse what is really a retry.
      const twin = await this.replayOf(message.context);
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

  private async decideAndAppend(decision: Decision): Promise<AppendResult> {
    const { capability, context } = decision.message;
    for (let attempt = 1; ; attempt += 1) {
      const history = await readWholeStream(this.store, decision.streamId);
      const revision = history.at(-1)?.streamRevision ?? NO_REVISION;
      checkIfMatch(decision.streamId, context.expectedRevision, revision);
      const domainEvents = history.map(toDomainEvent);
      const decided = capability.decide(decision.command, fold(capability, domainEvents));
      if (decided.length === 0) {
        const precedent = await this.precedentResult(decision, history, domainEvents);
        if (precedent) return precedent;
      }
      const events = decided.map((event, index) => toNewEvent(event, index, decision));
      try {
        return await this.append(decision, events, revision);
      } catch (error) {
        const lostRace = error instanceof WrongExpectedVersionError && context.expectedRevision === null;
        if (!lostRace || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A harmless repeat answers with the result of the command that did it first. */
  private async precedentResult(
    { message, command }: Decision,
    history: RecordedEvent[],
    domainEvents: DomainEvent[],
  ): Promise<AppendResult | null> {
    const index = message.capability.precedent?.(command, domainEvents) ?? -1;
    if (index < 0) return null;
    const first = await this.store.findCommand(history[index].metadata.commandId);
    return first ? { ...first.result, replayed: true } : null;
  }

  private async append(
    { message, streamId }: Decision,
    events: NewEvent[],
    revision: number,
  ): Promise<AppendResult> {
    const timer = this.metrics.appendDuration.startTimer();
    try {
      return await this.store.append({
        streamId,
        events,
        expectedState: revision === NO_REVISION ? noStream : atRevision(revision),
        command: { commandId: message.context.commandId, fingerprint: message.context.fingerprint },
      });
    } finally {
      timer();
    }
  }
}

const checkIfMatch = (streamId: string, expected: CommandContext['expectedRevision'], actual: number) => {
  if (expected === null) return;
  if (expected === 'exists' ? actual === NO_REVISION : expected !== actual) {
    throw new WrongExpectedVersionError(
      streamId,
      expected === 'exists' ? { kind: 'stream-exists' } : atRevision(expected),
      actual,
    );
  }
};

const toNewEvent = (event: DomainEvent, index: number, { message, occurredAt }: Decision): NewEvent => ({
  // Deterministic: a retried command produces the same event ids.
  eventId: uuidV5(`${message.context.commandId}/${index}`, EVENT_ID_NAMESPACE),
  type: event.type,
  schemaVersion: schemaVersionOf(event.type),
  data: event.data as NewEvent['data'],
  metadata: {
    commandId: message.context.commandId,
    correlationId: message.context.correlationId,
    causationId: message.context.commandId,
    actor: message.capability.actorOf(message.command),
    principal: message.context.principal,
    occurredAt,
  },
});
