import { backoffMs } from './lost-races.js';
import { StreamTurns } from './stream-turns.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('StreamTurns', () => {
  it('runs the commands of one stream one at a time, in arrival order, failures included', async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const turn = (name: string, fail = false) =>
      turns.run('hot', async () => {
        log.push(`start ${name}`);
        await new Promise<void>((resolve) => releases.push(resolve));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = [turn('a'), turn('b', true), turn('c')].map((p) =>
      p.catch((e: Error) => `failed ${e.message}`),
    );
    for (let i = 0; i < 3; i += 1) {
      await tick();
      releases.shift()?.();
    }
    expect(await Promise.all(results)).toEqual(['a', 'failed b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(turns.busy).toBe(0);
  });

  it('lets other streams run meanwhile', async () => {
    const turns = new StreamTurns();
    let release!: () => void;
    const blocked = turns.run(
      'one',
      () => new Promise<string>((resolve) => (release = () => resolve('one'))),
    );
    expect(await turns.run('two', async () => 'two')).toBe('two');
    expect(turns.busy).toBe(1);
    release();
    expect(await blocked).toBe('one');
    expect(turns.busy).toBe(0);
  });
});

describe('backoff after a lost race', () => {
  it('is full jitter: uniformly random up to a ceiling that doubles from 2 ms to 64 ms', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 10, 50].map((attempt) => backoffMs(attempt, () => 1));
    expect(ceilings).toEqual([2, 4, 8, 16, 32, 64, 64, 64]);
    expect(backoffMs(3, () => 0)).toBe(0);
    expect(backoffMs(3, () => 0.5)).toBe(4);
  });
});
