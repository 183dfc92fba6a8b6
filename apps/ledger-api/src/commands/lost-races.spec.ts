import { backoffMs } from './lost-races.js';

describe('backoff after a lost race', () => {
  it('is full jitter: uniformly random up to a ceiling that doubles from 2 ms to 64 ms', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 10, 50].map((attempt) => backoffMs(attempt, () => 1));
    expect(ceilings).toEqual([2, 4, 8, 16, 32, 64, 64, 64]);
    expect(backoffMs(3, () => 0)).toBe(0);
    expect(backoffMs(3, () => 0.5)).toBe(4);
  });
});
