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
    const end = tail.lastIndexOf(0x0a);
    if (end === -1) return null;
    const start = tail.lastIndexOf(0x0a, end - 1) + 1;
    try {
      const event = JSON.parse(tail.subarray(start, end).toString('utf8')) as RecordedEvent;
      return typeof event.globalPosition === 'number' ? { event, endsAt: size - length + end + 1 } : null;
    } catch {
      return null;
    }
  } finally {
    await handle.close();
  }
};
