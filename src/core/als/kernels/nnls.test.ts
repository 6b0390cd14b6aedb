import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random';
import { solveCholesky } from './cholesky';
import { createNnlsWorkspace, solveNnls } from './nnls';
import { addObservation } from './normal-equations';
import { addToDiagonal, packedIndex, packedMultiply, packedSize } from './packed';

function randomSystem(random: SeededRandom, k: number, observations: number, ridge: number) {
  const ata = new Float64Array(packedSize(k));
  const atb = new Float64Array(k);
  const y = new Float64Array(k);
  for (let s = 0; s < observations; s++) {
    for (let a = 0; a < k; a++) y[a] = random.nextGaussian();
    addObservation(ata, atb, k, y, 0, random.nextGaussian(), 1);
  }
  addToDiagonal(ata, k, ridge);
  return { ata, atb };
}

function objective(ata: Float64Array, atb: Float64Array, k: number, x: Float64Array) {
  const ax = new Float64Array(k);
  packedMultiply(ata, k, x, ax);
  let value = 0;
  for (let a = 0; a < k; a++) value += 0.5 * x[a] * ax[a] - x[a] * atb[a];
  return value;
}

/** The exact optimum by trying every free set: solve on it, keep feasible solutions. */
function bruteForce(ata: Float64Array, atb: Float64Array, k: number): Float64Array {
  let best = new Float64Array(k);
  let bestValue = 0;
  for (let mask = 1; mask < 1 << k; mask++) {
    const free = [...Array(k).keys()].filter((j) => mask & (1 << j));
    const m = free.length;
    const sub = new Float64Array(packedSize(m));
    let t = 0;
    for (let i = 0; i < m; i++)
      for (let j = i; j < m; j++) sub[t++] = ata[packedIndex(free[i], free[j], k)];
    const solution = solveCholesky(
      sub,
      Float64Array.from(free, (j) => atb[j]),
      m,
    );
    if (solution.some((value) => value < 0)) continue;
    const x = new Float64Array(k);
    free.forEach((j, i) => {
      x[j] = solution[i];
    });
    const value = objective(ata, atb, k, x);
    if (value < bestValue) {
      best = x;
      bestValue = value;
    }
  }
  return best;
}

describe('solveNnls', () => {
  it('finds the exact optimum of min ½xᵀAx − xᵀb, x ≥ 0 (checked against every free set)', () => {
    const random = new SeededRandom(5);
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + (trial % 6);
      const { ata, atb } = randomSystem(random, k, k + 3, 0.01);
      const x = new Float64Array(k);
      solveNnls(ata, atb, k, x, createNnlsWorkspace(k));
      const expected = bruteForce(ata, atb, k);
      x.forEach((value, j) => {
        expect(value).toBeCloseTo(expected[j], 9);
      });
    }
  });

  it('satisfies the KKT conditions: x ≥ 0, gradient 0 where x > 0 and ≥ 0 where x = 0', () => {
    const random = new SeededRandom(8);
    const k = 10;
    const workspace = createNnlsWorkspace(k);
    for (let trial = 0; trial < 50; trial++) {
      const { ata, atb } = randomSystem(random, k, 15, 0.1);
      const x = new Float64Array(k);
      solveNnls(ata, atb, k, x, workspace);
      const gradient = new Float64Array(k);
      packedMultiply(ata, k, x, gradient);
      for (let j = 0; j < k; j++) {
        gradient[j] -= atb[j];
        expect(x[j]).toBeGreaterThanOrEqual(0);
        if (x[j] > 0) expect(Math.abs(gradient[j])).toBeLessThan(1e-9);
        else expect(gradient[j]).toBeGreaterThan(-1e-9);
      }
    }
  });

  it('equals the unconstrained solution when that is already non-negative', () => {
    // A = [[2, 1], [1, 2]], b = [3, 3] → x = (1, 1)
    const ata = Float64Array.from([2, 1, 2]);
    const atb = Float64Array.from([3, 3]);
    const x = new Float64Array(2);
    solveNnls(ata, atb, 2, x, createNnlsWorkspace(2));
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(1, 12);
  });

  it('handles a singular A (no regularization, fewer observations than rank)', () => {
    const random = new SeededRandom(13);
    const k = 6;
    const { ata, atb } = randomSystem(random, k, 2, 0);
    const x = new Float64Array(k);
    solveNnls(ata, atb, k, x, createNnlsWorkspace(k));
    expect(x.every((value) => value >= 0 && Number.isFinite(value))).toBe(true);
    expect(objective(ata, atb, k, x)).toBeLessThanOrEqual(0);
  });

  it('returns 0 when b ≤ 0 and A has no negative off-diagonal entries', () => {
    const ata = Float64Array.from([2, 0.5, 3]);
    const atb = Float64Array.from([-1, -2]);
    const x = new Float64Array(2).fill(7);
    solveNnls(ata, atb, 2, x, createNnlsWorkspace(2));
    expect([...x]).toEqual([0, 0]);
  });
});
