import { NO_REVISION } from '#event-store';
import { badRequest } from '../http/problem.js';

/**
 * What an If-Match header asks of the stream (RFC 9110 §13.1.1): `*`, that it
 * exists; a list of ETags, that it is at one of those revisions. The ledger's
 * ETags are strong and quoted (`"3"`), so a bare `3` is no ETag (400), and a
 * weak one (`W/"3"`) is refused too (400) rather than left never to match:
 * If-Match compares strongly, and a proxy that weakened the ETag would
 * otherwise turn every such command into a 412 with nothing to say why.
 * `"-1"` is the revision of a stream with no events: the command creates it.
 */
export type IfMatch = { kind: 'exists' } | { kind: 'revisions'; revisions: readonly number[] };

const STRONG_ETAG = /^"(-1|\d{1,15})"$/;

const invalid = (message: string) => badRequest('If-Match', 'revision-etag', message);

const FORM =
  'If-Match must be * or the quoted ETag of a revision, e.g. "3", or a comma-separated list of them';

const revisionOf = (member: string): number => {
  if (member === '*') throw invalid('If-Match: * stands alone, never in a list of ETags');
  if (member.startsWith('W/')) {
    throw invalid(
      'If-Match takes strong ETags only (RFC 9110 §13.1.1): a weak one, W/"3", never matches; send the ETag as the ledger answered it, "3"',
    );
  }
  const match = STRONG_ETAG.exec(member);
  if (!match) throw invalid(`${FORM}; a revision is quoted, as in the ETag header`);
  return Number(match[1]);
};

/** The header's condition; null without one. Empty list members are ignored, as RFC 9110 §5.6.1 asks. */
export const parseIfMatch = (value: string | undefined): IfMatch | null => {
  if (value === undefined) return null;
  const members = value
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');
  if (members.length === 0) throw invalid(FORM);
  if (members.length === 1 && members[0] === '*') return { kind: 'exists' };
  return { kind: 'revisions', revisions: [...new Set(members.map(revisionOf))] };
};

/** Whether a stream at `revision` meets the condition. */
export const ifMatchHolds = (ifMatch: IfMatch, revision: number): boolean =>
  ifMatch.kind === 'exists' ? revision !== NO_REVISION : ifMatch.revisions.includes(revision);

/** The condition as an If-Match value, for the 412 that says it does not hold. */
export const formatIfMatch = (ifMatch: IfMatch): string =>
  ifMatch.kind === 'exists' ? '*' : ifMatch.revisions.map((revision) => `"${revision}"`).join(', ');

/** The one revision the condition names, if it names exactly one. */
export const singleRevision = (ifMatch: IfMatch): number | undefined =>
  ifMatch.kind === 'revisions' && ifMatch.revisions.length === 1 ? ifMatch.revisions[0] : undefined;
