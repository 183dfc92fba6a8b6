/**
 * Commands on one stream take turns within this process: each reads, decides
 * and appends after the one before it has committed, so they never lose a race
 * to each other, and a burst on one hot stream costs one read and one append a
 * command rather than rounds of lost races. Streams are independent, and the
 * appends of all streams still meet at the store's one head-row lock; races
 * with other replicas are left to the handler's retries.
 */
export class StreamTurns {
  /** Per stream, the end of its queue: settles when the last command queued has had its turn. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(streamId: string, turn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(streamId, tail);
    await previous;
    try {
      return await turn();
    } finally {
      done();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }

  /** Streams with a command running or waiting (for tests). */
  get busy(): number {
    return this.tails.size;
  }
}
