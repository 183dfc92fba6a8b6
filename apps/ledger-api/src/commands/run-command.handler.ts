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
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProblemException } from '../http/problem.js';
import { preconditionFailed } from '../http/problem-mapping.js';
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import type { CommandContext } from './command-context.js';
import { formatIfMatch, ifMatchHolds, singleRevision } from './if-match.js';
import { LedgerInputsReader, toDomainEvent } from './ledger-inputs.js';
import { backoffMs, sleep, streamContention } from './lost-races.js';
import { RunCommand } from './run-command.js';
import { StreamTurns } from './stream-turns.js';

/** Namespace for event ids derived from command ids (UUID v5). */
const EVENT_ID_NAMESPACE = '6f1c3a52-3d0e-4b9a-9a57-2f4e1d7c8b10';

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
 * Commands on one stream take their turns in this process (StreamTurns); a
 * race lost to another replica is decided again against the new state, with
 * jittered backoff, for up to LEDGER_COMMAND_RETRY_MS from the command's first
 * attempt, then it is a 503 (stream-contention) — an If-Match is checked
 * again on each attempt, so it is a 412 once the stream has moved past it.
 */
@CommandHandler(RunCommand)
export class RunCommandHandler implements ICommandHandler<RunCommand> {
  private readonly turns = new StreamTurns();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inputs: LedgerInputsReader,
    private readonly metrics: LedgerMetrics,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async execute(message: RunCommand): Promise<AppendResult> {
    const earlier = await this.replayOf(message.context);
    if (earlier) return earlier;
    try {
      const inputs = await this.inputs.read(message.capability.inputs);
      const decision: Decision = {
        message,
        command: { ...message.command, ...inputs },
        streamId: message.capability.streamIdOf(message.command),
        occurredAt: resolveOccurredAt(message.occurredAt, message.context.receivedAt),
      };
      // Counted from now, not from its turn: time queued behind a hot stream is part of the wait.
      const deadline = Date.now() + this.config.commandRetryMs;
      return await this.turns.run(decision.streamId, () => {
        if (Date.now() > deadline) throw streamContention(decision.streamId, 0, this.config.commandRetryMs);
        return this.untilDecided(decision, deadline);
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

  /** Decides again after each lost race, until it lands, the decider refuses, or the deadline. */
  private async untilDecided(decision: Decision, deadline: number): Promise<AppendResult> {
    const history: RecordedEvent[] = [];
    for (let attempt = 1; ; attempt += 1) {
      // The stream is append-only: after a lost race, only the events since are read.
      history.push(...(await readWholeStream(this.store, decision.streamId, history.length)));
      try {
        return await this.decideAndAppend(decision, history);
      } catch (error) {
        // The stream moved between our read and our append: someone else committed first.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.metrics.lostRaces.inc();
        const wait = backoffMs(attempt);
        if (Date.now() + wait > deadline) {
          throw streamContention(decision.streamId, attempt, this.config.commandRetryMs);
        }
        await sleep(wait);
      }
    }
  }

  private async decideAndAppend(decision: Decision, history: RecordedEvent[]): Promise<AppendResult> {
    const { capability, context } = decision.message;
    const revision = history.at(-1)?.streamRevision ?? NO_REVISION;
    if (context.ifMatch && !ifMatchHolds(context.ifMatch, revision)) {
      const { ifMatch } = context;
      throw new ProblemException(
        preconditionFailed(decision.streamId, formatIfMatch(ifMatch), revision, singleRevision(ifMatch)),
      );
    }
    const domainEvents = history.map(toDomainEvent);
    const decided = capability.decide(decision.command, fold(capability, domainEvents));
    if (decided.length === 0) {
      const precedent = await this.precedentResult(decision, history, domainEvents);
      if (precedent) return precedent;
    }
    const events = decided.map((event, index) => toNewEvent(event, index, decision));
    return this.append(decision, events, revision);
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
