import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

interface NumberedLine {
  /** From 1, blank lines counted: the number an editor shows. */
  number: number;
  /** The line as the file holds it. */
  text: string;
}

/** A line that parsed: `payload` is what goes into the batch, `value` what a failure is written from. */
export interface SendableLine extends NumberedLine {
  kind: 'command';
  value: unknown;
  payload: string;
}

/** A line that is not JSON: it fails alone, since the endpoint would refuse the whole batch for it. */
export interface MalformedLine extends NumberedLine {
  kind: 'malformed';
  reason: string;
}

export type CommandLine = SendableLine | MalformedLine;

export interface LineBatch {
  lines: CommandLine[];
  /** The bytes of the lines read so far (the read stream itself reads ahead): the progress bar's value. */
  bytesRead: number;
}

const BOM = '\uFEFF';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseLine = (number: number, text: string): CommandLine => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'malformed',
      number,
      text,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  // A failures file, fixed, imports as it is: the item schema has no "problem", so it is dropped, not refused.
  if (isRecord(value) && Object.hasOwn(value, 'problem')) {
    const { problem: _problem, ...command } = value;
    return { kind: 'command', number, text, value: command, payload: JSON.stringify(command) };
  }
  // Otherwise the line goes as it is: re-serialising could change it (1e400 would become null).
  return { kind: 'command', number, text, value, payload: text };
};

/**
 * The file's non-blank lines, `size` sendable ones a batch (the lines that
 * are not JSON ride along, to be reported in their place). Read as a stream:
 * readline pauses the file while a batch is out, so memory holds one batch.
 */
export async function* readBatches(file: string, size: number): AsyncGenerator<LineBatch> {
  const reader = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let lines: CommandLine[] = [];
  let sendable = 0;
  let number = 0;
  let bytesRead = 0;
  for await (const raw of reader) {
    number += 1;
    bytesRead += Buffer.byteLength(raw) + 1;
    const text = number === 1 && raw.startsWith(BOM) ? raw.slice(BOM.length) : raw;
    if (text.trim() === '') continue;
    const line = parseLine(number, text);
    lines.push(line);
    if (line.kind === 'command') sendable += 1;
    if (sendable === size) {
      yield { lines, bytesRead };
      lines = [];
      sendable = 0;
    }
  }
  if (lines.length > 0) yield { lines, bytesRead };
}

/** What a failures file line is made of: the command with its problem, or the text that was not one. */
export const failedEntry = (line: CommandLine, problem: object): Record<string, unknown> =>
  line.kind === 'command' && isRecord(line.value) ? { ...line.value, problem } : { text: line.text, problem };
