import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: Error } | { state: 'done'; data: T };

/** Loads again whenever a key changes; an answer that arrives after a newer request is dropped. */
export const useLoad = <T>(load: () => Promise<T>, keys: readonly unknown[]): Loaded<T> => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (data) => current && setLoaded({ state: 'done', data }),
      (error: unknown) =>
        current &&
        setLoaded({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
    // The keys are the dependencies: `load` is a new closure on every render.
  }, keys);
  return loaded;
};
