import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Lets a caller that runs commands one after another without awaiting each
 * (ExecuteCommands) learn when a command has taken its place in the queue,
 * so that the next one is queued behind it whatever awaits came before.
 */
export const submissionOrder = new AsyncLocalStorage<() => void>();

/** Runs `work` and resolves once it has queued a command, or has settled without queuing one. */
export const untilQueued = <T>(work: () => Promise<T>): { queued: Promise<void>; done: Promise<T> } => {
  let queued!: () => void;
  const whenQueued = new Promise<void>((resolve) => (queued = resolve));
  const done = submissionOrder.run(queued, work);
  return {
    queued: Promise.race([
      whenQueued,
      done.then(
        () => undefined,
        () => undefined,
      ),
    ]),
    done,
  };
};
