import { StringDecoder } from 'node:string_decoder';
import type { RecordedEvent } from '#event-store';
import { findUnstorable } from '#event-store/storable-json';
import { CommandFailedError } from '../cli-io.js';

const HASH = /^[0-9a-f]{64}$/;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** One line of a history as an event, or a failure naming the line. */
export const parseHistoryLine = (text: string, line: number): RecordedEvent => {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new CommandFailedError(`line ${line} is not JSON: ${text.slice(0, 80)}`);
  }
  const e = event as Partial<RecordedEvent> | null;
  if (
    typeof e?.globalPosition !== 'number' ||
    !HASH.test(String(e.hash)) ||
    !HASH.test(String(e.previousHash))
  ) {
    throw new CommandFailedError(
      `line ${line} is not a ledger event (a globalPosition, and hash and previousHash of 64 hex digits)`,
    );
  }
  // Escaped surrogates are rare: only then is the whole event searched for a lone one, which the
  // ledger can never have written (canonical JSON refuses it) and the fast serializer would pass.
  const unstorable = SURROGATE_ESCAPE.test(text) ? findUnstorable(e) : null;
  if (unstorable)
    throw new CommandFailedError(`line ${line} holds what no ledger event can: ${unstorable.message}`);
  return e as RecordedEvent;
};

/**
 * The events of an NDJSON history, one per line, from any stream of text
 * chunks (a file, an HTTP export). Split by hand rather than with readline:
 * it is the verifier's hot loop. Blank lines are passed over.
 */
export async function* historyEvents(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<RecordedEvent> {
  let rest = '';
  let line = 0;
  // A character may be split between two chunks: the decoder holds its first bytes back.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const lines = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
    rest = lines.pop() ?? '';
    for (const one of lines) {
      line += 1;
      if (one.trim() !== '') yield parseHistoryLine(one, line);
    }
  }
  rest += decoder.end();
  if (rest.trim() !== '') yield parseHistoryLine(rest, line + 1);
}
