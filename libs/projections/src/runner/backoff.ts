import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The wait between failed attempts: doubles with each failure in a row, up
 * to a cap, so a projection stuck on an event costs little yet picks up a
 * fix (new code after a restart, a database back, a recorded skip) within
 * the cap. wake() ends the current wait at once (a skip recorded here, stop()).
 */
export class Backoff {
  private failures = 0;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  reset(): void {
    this.failures = 0;
  }

  async wait(): Promise<void> {
    const ms = Math.min(this.firstMs * 2 ** this.failures, this.maxMs);
    this.failures += 1;
    const woken = new AbortController();
    this.wakeUp = () => woken.abort();
    await sleep(ms, undefined, { signal: woken.signal }).catch(() => undefined);
    this.wakeUp = null;
  }

  wake(): void {
    this.wakeUp?.();
  }
}
