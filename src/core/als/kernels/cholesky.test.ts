import { describe, expect, it } from 'vitest';
import { RecflowError } from '../../errors';
import { SeededRandom } from '../random';
import { solveCholesky } from './cholesky';
import { addObservation } from './normal-equations';
import { addToDiagonal, packedMultiply, packedSize } from './packed';

/** The spec's system: rows [1,2] [1,3] [1,4] with targets 4, 9, 16. */
function specSystem() {
  const ata = new Float64Array(3);
  const atb = new Float64Array(2);
  for (const [y, target] of [
    [[1, 2], 4],
    [[1, 3], 9],
    [[1, 4], 16],
  ] as const) {
    addObservation(ata, atb, 2, Float64Array.from(y), 0, target, 1);
  }
  return { ata, atb };
}

describe('solveCholesky', () => {
  it('solves the spec system with λ = 0 to x = (−8.333333, 6.0)', () => {
    const { ata, atb } = specSystem();
    const x = solveCholesky(ata, atb, 2);
    expect(x[0]).toBeCloseTo(-8.333333, 6);
    expect(x[1]).toBeCloseTo(6.0, 6);
  });

  it('solves the spec system with λ = 1.5 to x = (−0.1155556, 3.28)', () => {
    const { ata, atb } = specSystem();
    addToDiagonal(ata, 2, 1.5);
    const x = solveCholesky(ata, atb, 2);
    expect(x[0]).toBeCloseTo(-0.1155556, 6);
    expect(x[1]).toBeCloseTo(3.28, 6);
  });

  it('solves random well-conditioned systems: A x reproduces b', () => {
    const random = new SeededRandom(11);
    for (const k of [1, 3, 10, 17]) {
      const ata = new Float64Array(packedSize(k));
      const atb = new Float64Array(k);
      const y = new Float64Array(k);
      for (let s = 0; s < 2 * k; s++) {
        for (let a = 0; a < k; a++) y[a] = random.nextGaussian();
        addObservation(ata, atb, k, y, 0, random.nextGaussian(), 1);
      }
      addToDiagonal(ata, k, 0.1);
      const original = ata.slice();
      const b = atb.slice();
      const x = solveCholesky(ata, atb, k).slice();
      const product = new Float64Array(k);
      packedMultiply(original, k, x, product);
      product.forEach((value, a) => {
        expect(value).toBeCloseTo(b[a], 9);
      });
    }
  });

  it('says a singular system is not positive definite and how to fix it', () => {
    // one observation at rank 2 and no regularization: A = y yᵀ has rank 1
    const ata = new Float64Array(3);
    const atb = new Float64Array(2);
    addObservation(ata, atb, 2, Float64Array.from([1, 2]), 0, 3, 1);
    expect(() => solveCholesky(ata, atb, 2)).toThrow(RecflowError);
    expect(() => solveCholesky(ata.fill(0), atb, 2)).toThrow(
      'the normal equations are not positive definite (pivot 1 of 2); raise the ' +
        'regularization param above 0 (e.g. to 0.01) or lower the rank.',
    );
  });
});
