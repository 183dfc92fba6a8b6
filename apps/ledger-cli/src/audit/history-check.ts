import { CompactRange, eventLeafHash } from '#audit';
import type { RecordedEvent } from '#event-store';
// The chain hash alone, not the whole store with its drivers: a verifier thread starts in a tenth of the time.
import { GENESIS_HASH, chainHash } from '#event-store/hash-chain';
import { fastCanonicalJson } from './fast-canonical-json.js';

/** The first thing wrong with a history, said so that an auditor knows where to look. */
export interface HistoryBreak {
  position: number;
  problem: string;
}

/** Whether the fast serializer confirms the event's hash; false (the reference decides) when it cannot write it. */
export const fastHashHolds = (event: RecordedEvent): boolean => {
  try {
    return chainHash(event.previousHash, event, fastCanonicalJson) === event.hash;
  } catch {
    return false;
  }
};

/** What the chain and the tree need of an event. */
export type HashedEvent = Pick<RecordedEvent, 'globalPosition' | 'previousHash' | 'hash'>;

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Checks a history event by event from position 1: positions without a gap,
 * each event's hash recomputed from its canonical JSON, each link to the hash
 * before; and grows the RFC 9162 tree over the hashes, keeping the roots of
 * the sizes asked for (a tree head's). Stops at the first break.
 */
export class HistoryCheck {
  private readonly tree = CompactRange.empty();
  private previous = GENESIS_HASH;
  private readonly roots = new Map<number, string>();
  broken: HistoryBreak | null = null;

  /** Each stream's revision so far, when revisions are checked too (an import's first pass). */
  private readonly revisions: Map<string, number> | null;

  constructor(
    private readonly rootsWanted: ReadonlySet<number> = new Set(),
    { revisions = false }: { revisions?: boolean } = {},
  ) {
    this.revisions = revisions ? new Map() : null;
    if (rootsWanted.has(0)) this.roots.set(0, this.tree.root().toString('hex'));
  }

  get size(): number {
    return this.tree.size;
  }

  /** The root of the tree of `size` events, once that many were checked. */
  rootAt(size: number): string | undefined {
    return this.roots.get(size);
  }

  /** False (and `broken` set) at the first event that breaks the history. */
  add(event: RecordedEvent): boolean {
    const hashHolds = fastHashHolds(event);
    if (!this.addHashed(event, hashHolds, eventLeafHash(event.hash), () => event)) return false;
    if (!this.revisions) return true;
    const before = this.revisions.get(event.streamId) ?? -1;
    if (event.streamRevision !== before + 1) {
      this.broken = {
        position: event.globalPosition,
        problem: `stream ${event.streamId} is at revision ${before}, the event claims ${event.streamRevision}`,
      };
      return false;
    }
    this.revisions.set(event.streamId, event.streamRevision);
    return true;
  }

  /**
   * The same, for an event whose hash was recomputed elsewhere (a worker):
   * `hashHolds` from the fast serializer, its leaf hash, and the whole event
   * for the rare case the reference canonicalization has to decide.
   */
  addHashed(event: HashedEvent, hashHolds: boolean, leaf: Buffer, whole: () => RecordedEvent): boolean {
    if (this.broken) return false;
    const expected = this.tree.size + 1;
    if (event.globalPosition !== expected) {
      const problem =
        event.globalPosition > expected
          ? `missing: the next event is at position ${event.globalPosition} (event ${expected} was deleted, or moved later)`
          : `out of order: found position ${event.globalPosition} again after ${expected - 1} (events moved or doubled?)`;
      this.broken = { position: expected, problem };
      return false;
    }
    if (event.previousHash !== this.previous) {
      this.broken = {
        position: expected,
        problem: `its previousHash ${short(event.previousHash)} is not the hash of the event before (${short(this.previous)}): an event before it was altered, removed or swapped`,
      };
      return false;
    }
    if (!hashHolds) this.checkSlowly(whole());
    if (this.broken) return false;
    this.previous = event.hash;
    this.tree.push(leaf);
    if (this.rootsWanted.has(this.tree.size))
      this.roots.set(this.tree.size, this.tree.root().toString('hex'));
    return true;
  }

  /** The reference canonicalization decides what the fast one could not confirm. */
  private checkSlowly(event: RecordedEvent): void {
    let recomputed: string;
    try {
      recomputed = chainHash(this.previous, event);
    } catch (error) {
      // Infinity, a nesting too deep: what canonical JSON cannot write, no ledger can have hashed.
      this.broken = {
        position: event.globalPosition,
        problem: `it cannot be written as canonical JSON (${String(error)})`,
      };
      return;
    }
    if (recomputed === event.hash) return;
    this.broken = {
      position: event.globalPosition,
      problem: `its content hashes to ${short(recomputed)}, not to its recorded hash ${short(event.hash)}: a field of this event (${event.type} in ${event.streamId}) was altered`,
    };
  }

  /** The root of everything checked so far. */
  root(): string {
    return this.tree.root().toString('hex');
  }
}
