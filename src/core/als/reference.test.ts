import { describe, expect, it } from 'vitest';
import { fitAls } from './fit';
import { fitAlsReference } from './reference';
import { explicitRatings, implicitRatings } from './testing/generators';
import { testParams } from './testing/params';
import type { AlsModel } from './types';

function expectSameModel(actual: AlsModel, expected: AlsModel, tolerance: number) {
  expect(actual.userIds).toEqual(expected.userIds);
  expect(actual.itemIds).toEqual(expected.itemIds);
  const factors = (model: AlsModel) => [...model.userFactors, ...model.itemFactors];
  const expectedFactors = factors(expected);
  const largestDifference = factors(actual).reduce(
    (largest, value, i) => Math.max(largest, Math.abs(value - expectedFactors[i])),
    0,
  );
  expect(largestDifference).toBeLessThanOrEqual(tolerance);
}

describe('fitAls against the reference implementation', () => {
  const explicit = explicitRatings(12, 30, 3, 0.1, 21).training;
  const implicit = implicitRatings(12, 30, 3, 0.1, 22).training;

  it.each([
    ['explicit', explicit, {}],
    ['explicit nonnegative', explicit, { nonnegative: true }],
    ['implicit', implicit, { implicitPrefs: true, alpha: 2 }],
    ['implicit nonnegative', implicit, { implicitPrefs: true, nonnegative: true }],
  ])('gives the same factors within 1e-9 (%s)', async (_, ratings, extra) => {
    const params = testParams({ rank: 4, maxIter: 8, regParam: 0.05, ...extra });
    const fast = await fitAls(ratings, params);
    expectSameModel(fast.model, fitAlsReference(ratings, params), 1e-9);
  });

  it('gives the same starting factors when max iterations is 0', async () => {
    const params = testParams({ rank: 5, maxIter: 0, seed: 1234 });
    const fast = await fitAls(explicit, params);
    expectSameModel(fast.model, fitAlsReference(explicit, params), 0);
  });

  it('fails like the fast path when a system is not positive definite', () => {
    const ratings = {
      users: Int32Array.from([1, 2]),
      items: Int32Array.from([1, 1]),
      ratings: Float64Array.from([3, 4]),
    };
    expect(() => fitAlsReference(ratings, testParams({ rank: 2, regParam: 0 }))).toThrow(
      /not positive definite; raise the regularization param/,
    );
  });
});
