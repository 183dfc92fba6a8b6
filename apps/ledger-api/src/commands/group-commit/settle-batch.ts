import { type AppendOutcome, WrongExpectedVersionError } from '#event-store';
import type { BatchView, Verdict } from './decide-pending.js';
import type { PendingCommand } from './pending-command.js';
import type { StreamCache } from './stream-cache.js';

/** What settling needs of the committer. */
export interface Settler {
  readonly cache: StreamCache;
  /** The wait before a command that lost a race is decided again; null: it was answered 503. */
  lostRace(pending: PendingCommand, error: WrongExpectedVersionError): number | null;
  movedSince(reads: Verdict['reads'], view: BatchView): Promise<string | null>;
}

interface CommittedGroup {
  group: readonly PendingCommand[];
  verdicts: readonly Verdict[];
  /** The store's answer to each `append` verdict, in order. */
  outcomes: readonly AppendOutcome[];
  view: BatchView;
}

/** The store's outcome of each `append` verdict, by its place in the group. */
const outcomesByIndex = ({ verdicts, outcomes }: CommittedGroup) => {
  const byIndex = new Map<number, AppendOutcome>();
  let next = 0;
  verdicts.forEach((verdict, index) => {
    if (verdict.kind === 'append') byIndex.set(index, outcomes[next++]);
  });
  return byIndex;
};

/** Where each stream stopped being what the view says: the first append on it that did not land as decided. */
const spoilage = (verdicts: readonly Verdict[], outcomeOf: Map<number, AppendOutcome>) => {
  const spoiltFrom = new Map<string, number>();
  for (const [index, outcome] of outcomeOf) {
    const verdict = verdicts[index] as Verdict & { kind: 'append' };
    const landed = outcome.ok && (!outcome.result.replayed || verdict.request.events.length === 0);
    if (!landed && !spoiltFrom.has(verdict.request.streamId)) spoiltFrom.set(verdict.request.streamId, index);
  }
  return spoiltFrom;
};

/**
 * After the COMMIT: answers each command of the group. A stream on which an
 * append did not land as decided (a lost race, a replay) is "spoilt" from that
 * command on: the view the later commands were decided on was wrong there, so
 * those that read it are decided again, in order, at the head of the queue
 * rather than failed (after the longest wait of the races lost, during which
 * nothing else is decided, so no later command overtakes them). The cache
 * keeps the view of every stream not spoilt.
 */
export const settleBatch = async (
  settler: Settler,
  batch: CommittedGroup,
): Promise<{ again: PendingCommand[]; waitMs: number }> => {
  const { group, verdicts, view } = batch;
  const outcomeOf = outcomesByIndex(batch);
  const spoiltFrom = spoilage(verdicts, outcomeOf);
  for (const [streamId, state] of view) {
    if (spoiltFrom.has(streamId)) settler.cache.delete(streamId);
    else settler.cache.set(streamId, state);
  }
  const spoilt = (verdict: Verdict, index: number) =>
    verdict.reads.some((read) => (spoiltFrom.get(read.streamId) ?? Number.POSITIVE_INFINITY) < index);
  const precedentOf = (commandId: string) =>
    outcomeOf.get(
      verdicts.findIndex((v) => v.kind === 'append' && v.request.command.commandId === commandId),
    );

  const again: PendingCommand[] = [];
  let waitMs = 0;
  const refusals: { pending: PendingCommand; verdict: Verdict & { kind: 'refused' } }[] = [];
  verdicts.forEach((verdict, index) => {
    const pending = group[index];
    if (verdict.kind !== 'replayed' && spoilt(verdict, index)) return void again.push(pending);
    if (verdict.kind === 'replayed') return pending.resolve(verdict.result);
    if (verdict.kind === 'refused') return void refusals.push({ pending, verdict });
    if (verdict.kind === 'precedent') {
      const first = precedentOf(verdict.commandId);
      return first?.ok ? pending.resolve({ ...first.result, replayed: true }) : void again.push(pending);
    }
    const outcome = outcomeOf.get(index) as AppendOutcome;
    if (outcome.ok) return pending.resolve(outcome.result);
    if (!(outcome.error instanceof WrongExpectedVersionError)) return pending.reject(outcome.error);
    const wait = settler.lostRace(pending, outcome.error);
    if (wait === null) return;
    waitMs = Math.max(waitMs, wait);
    again.push(pending);
  });
  // A refusal decided on a stream another writer has moved since is decided again, not believed.
  await Promise.all(
    refusals.map(async ({ pending, verdict }) => {
      const moved = await settler.movedSince(verdict.reads, view);
      if (moved === null) return pending.reject(verdict.error);
      settler.cache.delete(moved);
      again.push(pending);
    }),
  );
  return { again: again.sort((a, b) => group.indexOf(a) - group.indexOf(b)), waitMs };
};
