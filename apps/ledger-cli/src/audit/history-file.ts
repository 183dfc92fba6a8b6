import { open } from 'node:fs/promises';
import type { RecordedEvent } from '#event-store';

/** The last whole line of an NDJSON history, and the byte offset just after it. */
export const lastCompleteLine = async (
  file: string,
): Promise<{ event: RecordedEvent; endsAt: number } | null> => {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4 * 1024 * 1024);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    // From the last newline back, past blank lines, to the last line that holds something.
    for (let end = tail.lastIndexOf(0x0a); end !== -1; end = tail.lastIndexOf(0x0a, end - 1)) {
      const start = tail.lastIndexOf(0x0a, end - 1) + 1;
      const text = tail.subarray(start, end).toString('utf8');
      if (text.trim() === '') continue;
      try {
        const event = JSON.parse(text) as RecordedEvent;
        return typeof event.globalPosition === 'number' ? { event, endsAt: size - length + end + 1 } : null;
      } catch {
        return null;
      }
    }
    return null;
  } finally {
    await handle.close();
  }
};
