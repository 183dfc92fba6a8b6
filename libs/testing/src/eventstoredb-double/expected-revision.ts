/**
 * The append decision of EventStoreDB's commit check (IndexWriter.CheckCommit), reduced to one
 * stream: optimistic concurrency plus idempotence. The real server keeps the ids it compares
 * against in an in-memory cache, so its idempotence only spans a window that a restart loses;
 * the double never forgets. Code relying on idempotence must not rely on that difference.
 */

/** The `expectedRevision` option of @eventstore/db-client 6, as it reaches the server. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

type AppendDecision =
  | { readonly kind: 'write' }
  | { readonly kind: 'idempotent'; readonly lastIndex: number }
  | { readonly kind: 'wrong_expected_version' };

const write: AppendDecision = { kind: 'write' };
const wrongExpectedVersion: AppendDecision = { kind: 'wrong_expected_version' };

/**
 * @param storedIds ids of the events already in the stream, by revision
 * @param proposedIds ids of the events the client sends, in order
 */
export const decideAppend = (
  storedIds: readonly string[],
  expected: ExpectedRevision,
  proposedIds: readonly string[],
): AppendDecision => {
  const currentRevision = BigInt(storedIds.length - 1); // -1: the stream does not exist
  switch (expected) {
    case 'any':
      return byIds(storedIds, proposedIds);
    case 'stream_exists':
      return storedIds.length === 0 ? wrongExpectedVersion : byIds(storedIds, proposedIds);
    case 'no_stream':
      return byRevision(storedIds, currentRevision, -1n, proposedIds);
    default:
      return byRevision(storedIds, currentRevision, expected, proposedIds);
  }
};

/**
 * `any` (and `stream_exists` once the stream exists): the server looks the ids up wherever they
 * are in the stream. None known: a new write. All known: idempotent. Some known: the server calls
 * it "corrupted idempotency" and answers WrongExpectedVersion.
 */
const byIds = (storedIds: readonly string[], proposedIds: readonly string[]): AppendDecision => {
  const indexes = proposedIds.map((id) => storedIds.indexOf(id));
  if (indexes.length === 0 || indexes[0] === -1) return write;
  if (indexes.some((index) => index === -1)) return wrongExpectedVersion;
  return { kind: 'idempotent', lastIndex: indexes[indexes.length - 1] };
};

/**
 * An exact revision (`no_stream` is revision -1): equal to the current one, a new write; ahead of
 * it, wrong; behind it, idempotent only if exactly the proposed ids follow the expected revision.
 */
const byRevision = (
  storedIds: readonly string[],
  currentRevision: bigint,
  expectedRevision: bigint,
  proposedIds: readonly string[],
): AppendDecision => {
  if (expectedRevision === currentRevision) return write;
  if (expectedRevision > currentRevision || proposedIds.length === 0) return wrongExpectedVersion;
  const firstIndex = Number(expectedRevision) + 1;
  const matches = proposedIds.every((id, offset) => storedIds[firstIndex + offset] === id);
  return matches
    ? { kind: 'idempotent', lastIndex: firstIndex + proposedIds.length - 1 }
    : wrongExpectedVersion;
};
