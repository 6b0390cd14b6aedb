import { describe, expect, it } from 'vitest';
import { initialFactors, writeInitialFactor } from './init';

describe('initial factors', () => {
  it('are unit-length vectors', () => {
    const factors = initialFactors(Int32Array.from([-3, 0, 8, 1000]), 7, 0, 'user');
    for (let row = 0; row < 4; row++) {
      const norm = Math.hypot(...factors.subarray(row * 7, row * 7 + 7));
      expect(norm).toBeCloseTo(1, 14);
    }
  });

  it('depend only on (seed, side, id), not on which other ids are present', () => {
    const alone = initialFactors(Int32Array.from([42]), 4, 99, 'item');
    const among = initialFactors(Int32Array.from([1, 2, 42]), 4, 99, 'item');
    expect(among.subarray(8)).toEqual(alone);
  });

  it('differ between seeds, sides and ids', () => {
    const factor = (seed: number, side: 'user' | 'item', id: number) => {
      const out = new Float64Array(3);
      writeInitialFactor(seed, side, id, 3, out, 0);
      return [...out];
    };
    const base = factor(0, 'user', 1);
    expect(factor(1, 'user', 1)).not.toEqual(base);
    expect(factor(0, 'item', 1)).not.toEqual(base);
    expect(factor(0, 'user', 2)).not.toEqual(base);
    expect(factor(2 ** 40, 'user', 1)).not.toEqual(base);
    expect(factor(0, 'user', 1)).toEqual(base);
  });

  it('look standard normal before scaling: rank-1 factors are ±1 with both signs common', () => {
    const factors = initialFactors(
      Int32Array.from({ length: 1000 }, (_, i) => i),
      1,
      0,
      'user',
    );
    const positive = factors.filter((value) => value > 0).length;
    expect(factors.every((value) => Math.abs(Math.abs(value) - 1) < 1e-15)).toBe(true);
    expect(positive).toBeGreaterThan(430);
    expect(positive).toBeLessThan(570);
  });
});
