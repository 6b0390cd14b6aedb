import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random';
import { addObservation, addObservations, gramMatrix } from './normal-equations';
import { packedSize, unpack } from './packed';

describe('normal equations', () => {
  it('accumulates y=[1,2] r=3 and y=[4,5] r=12 c=2 into A=[33,42,54], b=[51,66]', () => {
    const ata = new Float64Array(3);
    const atb = new Float64Array(2);
    addObservation(ata, atb, 2, Float64Array.from([1, 2]), 0, 3, 1);
    addObservation(ata, atb, 2, Float64Array.from([4, 5]), 0, 12, 2);
    expect([...ata]).toEqual([33, 42, 54]);
    expect([...atb]).toEqual([51, 66]);
  });

  it('gives the same packed system from a CSR row as from the observations one by one', () => {
    const factors = Float64Array.from([1, 2, 4, 5]);
    const ata = new Float64Array(3);
    const atb = new Float64Array(2);
    const columns = Int32Array.from([0, 1]);
    addObservations(
      ata,
      atb,
      2,
      factors,
      columns,
      Float64Array.from([1, 2]),
      Float64Array.from([3, 12]),
      0,
      2,
    );
    expect([...ata]).toEqual([33, 42, 54]);
    expect([...atb]).toEqual([51, 66]);
  });

  it.each([1, 2, 5, 10])(
    'matches a naive full-matrix sum at rank %i, four observations at a time included',
    (k) => {
      const random = new SeededRandom(3);
      const sourceRows = 20;
      const factors = Float64Array.from({ length: sourceRows * k }, () => random.nextGaussian());
      const count = 11;
      const columns = Int32Array.from({ length: count }, () => random.nextInt(sourceRows));
      const weights = Float64Array.from({ length: count }, () => random.nextDouble() * 3);
      const targets = Float64Array.from({ length: count }, () => random.nextGaussian());

      const ata = new Float64Array(packedSize(k));
      const atb = new Float64Array(k);
      addObservations(ata, atb, k, factors, columns, weights, targets, 0, count);

      const full = new Float64Array(k * k);
      const rhs = new Float64Array(k);
      for (let s = 0; s < count; s++) {
        const y = factors.subarray(columns[s] * k, columns[s] * k + k);
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) full[a * k + b] += weights[s] * y[a] * y[b];
          rhs[a] += targets[s] * y[a];
        }
      }
      unpack(ata, k).forEach((value, i) => {
        expect(value).toBeCloseTo(full[i], 12);
      });
      atb.forEach((value, a) => {
        expect(value).toBeCloseTo(rhs[a], 12);
      });
    },
  );

  it('treats missing weights as 1 (explicit feedback)', () => {
    const factors = Float64Array.from([1, 2, 4, 5, -1, 3, 2, 2, 0.5, 1]);
    const columns = Int32Array.from([0, 1, 2, 3, 4]);
    const targets = Float64Array.from([1, 2, 3, 4, 5]);
    const unweighted = [new Float64Array(3), new Float64Array(2)] as const;
    const ones = [new Float64Array(3), new Float64Array(2)] as const;
    addObservations(...unweighted, 2, factors, columns, null, targets, 0, 5);
    addObservations(...ones, 2, factors, columns, new Float64Array(5).fill(1), targets, 0, 5);
    expect(unweighted).toEqual(ones);
  });

  it('builds the Gram matrix YᵀY of all factor rows', () => {
    const gram = new Float64Array(3);
    gramMatrix(Float64Array.from([1, 2, 4, 5]), 2, 2, gram);
    expect([...gram]).toEqual([17, 22, 29]);
  });
});
