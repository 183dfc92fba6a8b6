import { Inject, Injectable } from '@nestjs/common';
import { ROSTER_STREAM_ID, resolveOccurredAt } from '#domain';
import {
  type AppendOutcome,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  WrongExpectedVersionError,
} from '#event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../../config/ledger-config.js';
import { EVENT_STORE } from '../../event-store/event-store.module.js';
import { LedgerMetrics } from '../../metrics/ledger-metrics.js';
import { backoffMs, sleep, streamContention } from '../lost-races.js';
import type { RunCommand } from '../run-command.js';
import { type BatchView, type Verdict, decidePending, stateIn } from './decide-pending.js';
import type { PendingCommand } from './pending-command.js';
import { StreamCache, streamStateOf } from './stream-cache.js';
import { type Settler, settleBatch } from './settle-batch.js';
import { submissionOrder } from './submission-order.js';

const usesRoster = (pending: PendingCommand) =>
  pending.message.capability.inputs.includes('roster') && pending.streamId !== ROSTER_STREAM_ID;

/**
 * Group commit: commands that arrive while a transaction is under way wait,
 * then go together in the next one (one head lock, one write, one COMMIT),
 * each decided in arrival order against the state the ones before it left,
 * each answered after the COMMIT. One group at a time, so commands on one
 * stream never race each other in this process; races with other replicas
 * are lost at append (every append names the revisions it was decided on),
 * read again and decided again until LEDGER_COMMAND_RETRY_MS has passed.
 */
@Injectable()
export class GroupCommitter implements Settler {
  private readonly queue: PendingCommand[] = [];
  private draining = false;
  readonly cache: StreamCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: LedgerMetrics,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {
    this.cache = new StreamCache(config.writePath.streamCacheEvents);
  }

  submit(message: RunCommand): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({
        message,
        streamId: message.capability.streamIdOf(message.command),
        occurredAt: resolveOccurredAt(message.occurredAt, message.context.receivedAt),
        deadline: null,
        attempts: 0,
        resolve,
        reject,
      });
      submissionOrder.getStore()?.();
      this.drain();
    });
  }

  private get groupSize(): number {
    return this.config.writePath.groupCommit ? this.config.writePath.groupCommitMax : 1;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    // On the next turn of the event loop: requests read in this one join the first group.
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.groupSize);
        await this.commit(group).catch((error: unknown) => group.forEach((pending) => pending.reject(error)));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(group: PendingCommand[]): Promise<void> {
    const view = await this.viewOf(group);
    const now = Date.now();
    const { currency, commandRetryMs: retryMs } = this.config;
    for (const pending of group) pending.deadline ??= now + retryMs;
    const verdicts = group.map((pending) => decidePending(pending, view, { currency, retryMs, now }));
    await this.findPrecedents(verdicts);
    const requests = verdicts.flatMap((verdict) => (verdict.kind === 'append' ? [verdict.request] : []));
    const outcomes = requests.length === 0 ? [] : await this.append(requests);
    const { again, waitMs } = await settleBatch(this, { group, verdicts, outcomes, view });
    if (waitMs > 0) await sleep(waitMs);
    this.queue.unshift(...again);
  }

  /**
   * A harmless repeat answers with its precedent's result: from this group
   * when the precedent is in it (settled after the COMMIT), else from the
   * store; a precedent with no record (restored from an export, whose
   * command records do not travel) is appended as a command of no events.
   */
  private async findPrecedents(verdicts: Verdict[]): Promise<void> {
    const inGroup = new Set(
      verdicts.flatMap((v) => (v.kind === 'append' ? [v.request.command.commandId] : [])),
    );
    await Promise.all(
      verdicts.map(async (verdict, index) => {
        if (verdict.kind !== 'precedent' || inGroup.has(verdict.commandId)) return;
        const first = await this.store.findCommand(verdict.commandId);
        verdicts[index] = first
          ? { kind: 'replayed', result: { ...first.result, replayed: true }, reads: verdict.reads }
          : { kind: 'append', request: verdict.request, reads: verdict.reads };
      }),
    );
  }

  /** The group's streams and the roster, from memory, and what is not there in one read. */
  private async viewOf(group: readonly PendingCommand[]): Promise<BatchView> {
    const ids = new Set(group.map((pending) => pending.streamId));
    if (group.some(usesRoster)) ids.add(ROSTER_STREAM_ID);
    const view: BatchView = new Map();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached) view.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const [id, events] of await this.store.readStreams(missing)) view.set(id, streamStateOf(events));
    }
    return view;
  }

  private async append(requests: AppendRequest[]): Promise<AppendOutcome[]> {
    const timer = this.metrics.appendDuration.startTimer();
    try {
      if (requests.length > 1) return await this.store.appendMany(requests);
      try {
        return [{ ok: true, result: await this.store.append(requests[0]) }];
      } catch (error) {
        return [{ ok: false, error: error instanceof Error ? error : new Error(String(error)) }];
      }
    } finally {
      timer();
    }
  }

  /**
   * A race lost to another writer: the jittered wait before it is decided
   * again, or null when that would pass its deadline and it is a 503.
   */
  lostRace(pending: PendingCommand, error: WrongExpectedVersionError): number | null {
    this.metrics.lostRaces.inc();
    this.cache.delete(error.streamId);
    pending.attempts += 1;
    const wait = backoffMs(pending.attempts);
    if (Date.now() + wait <= (pending.deadline ?? 0)) return wait;
    pending.reject(streamContention(pending.streamId, pending.attempts, this.config.commandRetryMs));
    return null;
  }

  /**
   * The first stream a refused command read that another writer has moved
   * since: its revision in the store is not the one this group left it at.
   */
  async movedSince(reads: Verdict['reads'], view: BatchView): Promise<string | null> {
    const current = await Promise.all(reads.map((read) => this.store.streamRevision(read.streamId)));
    const moved = reads.find((read, index) => current[index] !== stateIn(view, read.streamId).revision);
    return moved?.streamId ?? null;
  }

  findCommand(commandId: string) {
    return this.store.findCommand(commandId);
  }
}
