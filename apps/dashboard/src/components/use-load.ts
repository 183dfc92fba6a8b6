import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: Error } | { state: 'done'; data: T };

/**
 * Loads again whenever a key changes. What was loaded for other keys is never
 * shown (the render right after a change says loading, not the old answer),
 * and an answer that arrives after a newer request is dropped.
 */
export const useLoad = <T>(load: () => Promise<T>, keys: readonly unknown[]): Loaded<T> => {
  const key = JSON.stringify(keys);
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> }>({
    key,
    value: { state: 'loading' },
  });
  useEffect(() => {
    let current = true;
    setLoaded({ key, value: { state: 'loading' } });
    load().then(
      (data) => current && setLoaded({ key, value: { state: 'done', data } }),
      (error: unknown) =>
        current &&
        setLoaded({
          key,
          value: { state: 'failed', error: error instanceof Error ? error : new Error(String(error)) },
        }),
    );
    return () => {
      current = false;
    };
    // `key` stands for the keys: `load` is a new closure on every render.
  }, [key]);
  return loaded.key === key ? loaded.value : { state: 'loading' };
};
