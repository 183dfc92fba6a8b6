import { ProblemException } from '../http/problem.js';
import { formatIfMatch, ifMatchHolds, parseIfMatch, singleRevision } from './if-match.js';

const refusal = (value: string) => {
  try {
    parseIfMatch(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    const { problem } = error as ProblemException;
    expect(problem).toMatchObject({ status: 400, type: '/problems/validation-failed' });
    expect(problem.errors?.map(({ field, rule }) => `${field}:${rule}`)).toEqual(['If-Match:revision-etag']);
    return problem.detail ?? '';
  }
  throw new Error(`If-Match ${value} was accepted`);
};

describe('If-Match (RFC 9110 §13.1.1)', () => {
  it('is no condition when absent', () => {
    expect(parseIfMatch(undefined)).toBeNull();
  });

  it('takes the quoted ETag of a revision, "-1" (no events yet) and *', () => {
    expect(parseIfMatch('"3"')).toEqual({ kind: 'revisions', revisions: [3] });
    expect(parseIfMatch(' "0" ')).toEqual({ kind: 'revisions', revisions: [0] });
    expect(parseIfMatch('"-1"')).toEqual({ kind: 'revisions', revisions: [-1] });
    expect(parseIfMatch('*')).toEqual({ kind: 'exists' });
  });

  it('takes a list of ETags, ignoring empty members and repeats', () => {
    expect(parseIfMatch('"1", "2"')).toEqual({ kind: 'revisions', revisions: [1, 2] });
    expect(parseIfMatch('"1",,"2", "1"')).toEqual({ kind: 'revisions', revisions: [1, 2] });
  });

  it('refuses an unquoted revision: an ETag is a quoted string', () => {
    expect(refusal('3')).toMatch(/quoted/);
    expect(refusal('"3", 4')).toMatch(/quoted/);
  });

  it('refuses a weak ETag, which never matches under the strong comparison If-Match uses', () => {
    expect(refusal('W/"3"')).toMatch(/strong ETags only/);
    expect(refusal('"2", W/"3"')).toMatch(/strong ETags only/);
  });

  it('refuses * in a list, an empty header and ETags that are no revision', () => {
    expect(refusal('*, "3"')).toMatch(/stands alone/);
    for (const value of ['', ' , ', '"abc"', '"3', '""', '"1.5"', `"${'9'.repeat(16)}"`]) refusal(value);
  });

  it('holds for a stream at one of its revisions; * for any stream that has events', () => {
    const listed = parseIfMatch('"1", "2"')!;
    expect([0, 1, 2, 3].map((revision) => ifMatchHolds(listed, revision))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const exists = parseIfMatch('*')!;
    expect([-1, 0, 7].map((revision) => ifMatchHolds(exists, revision))).toEqual([false, true, true]);
    expect(ifMatchHolds(parseIfMatch('"-1"')!, -1)).toBe(true);
  });

  it('says the condition back as an If-Match value, and its one revision if it names one', () => {
    expect(formatIfMatch(parseIfMatch('"1",  "2"')!)).toBe('"1", "2"');
    expect(formatIfMatch(parseIfMatch('*')!)).toBe('*');
    expect(singleRevision(parseIfMatch('"7"')!)).toBe(7);
    expect(singleRevision(parseIfMatch('"7", "8"')!)).toBeUndefined();
    expect(singleRevision(parseIfMatch('*')!)).toBeUndefined();
  });
});
