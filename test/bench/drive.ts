/** Runs `total` tasks on `concurrency` workers; answers the seconds taken and each task's latency (ms). */
export const drive = async (
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<{ seconds: number; rate: number; samples: number[] }> => {
  let next = 0;
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rate: total / seconds, samples };
};

export const secondsSince = (since: number): number => (performance.now() - since) / 1000;
