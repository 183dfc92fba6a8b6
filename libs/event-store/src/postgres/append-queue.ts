import type { AppendOutcome, AppendRequest } from '../event-store.port.js';

interface Waiting {
  request: AppendRequest;
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

/** Requests one transaction takes at the most. */
const MAX_GROUP = 500;

/**
 * Group commit at the store: appends that arrive while a transaction is under
 * way go together in the next one (every append takes the one head lock, so
 * they would only have queued for it one after another). Each request is still
 * decided alone against the ones before it; a transaction that fails as a
 * whole (the database refused a row) is tried again one request at a time, so
 * that only the request at fault fails.
 */
export class AppendQueue {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly appendMany: (requests: AppendRequest[]) => Promise<AppendOutcome[]>) {}

  append(request: AppendRequest): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, MAX_GROUP));
    } finally {
      this.running = false;
    }
  }

  private async commit(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.appendMany(group.map((waiting) => waiting.request));
      group.forEach((waiting, index) => waiting.resolve(outcomes[index]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const waiting of group) await this.commit([waiting]);
    }
  }
}
