import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-load.js';

/** A loaded value's children, or a polite wait, or the ledger's problem in its words. */
export const Show = <T,>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) => {
  if (loaded.state === 'loading')
    return (
      <p class="muted" role="status">
        Loading…
      </p>
    );
  if (loaded.state === 'failed')
    return (
      <p class="problem" role="alert">
        {loaded.error.message}
      </p>
    );
  return <>{children(loaded.data)}</>;
};
