import { describe, expect, it } from 'vitest';
import { type Recommendations, recommendForAllItems, recommendForAllUsers } from './recommend';
import { handModel } from './testing/models';

/** Recommendations as id → [(recommended id, score)], for comparing with the spec. */
function asMap(recommendations: Recommendations) {
  const { ids, recommendedIds, scores, k } = recommendations;
  return Object.fromEntries(
    [...ids].map((id, row) => [
      id,
      Array.from({ length: k }, (_, j) => [recommendedIds[row * k + j], scores[row * k + j]]),
    ]),
  );
}

const expectedForUsers = {
  0: [
    [3, 54],
    [4, 44],
    [5, 42],
    [6, 28],
  ],
  1: [
    [3, 39],
    [5, 33],
    [4, 26],
    [6, 16],
  ],
  2: [
    [3, 51],
    [5, 45],
    [4, 30],
    [6, 18],
  ],
};
const expectedForItems = {
  3: [
    [0, 54],
    [2, 51],
    [1, 39],
  ],
  4: [
    [0, 44],
    [2, 30],
    [1, 26],
  ],
  5: [
    [2, 45],
    [0, 42],
    [1, 33],
  ],
  6: [
    [0, 28],
    [2, 18],
    [1, 16],
  ],
};

function truncated(expected: Record<number, number[][]>, n: number) {
  return Object.fromEntries(Object.entries(expected).map(([id, recs]) => [id, recs.slice(0, n)]));
}

describe('recommendations', () => {
  it.each([2, 4, 6])(
    'recommend the top k = %i items per user, best first, min(k, items) long',
    (k) => {
      const recommendations = recommendForAllUsers(handModel(), k);
      expect(recommendations.k).toBe(Math.min(k, 4));
      expect(asMap(recommendations)).toEqual(truncated(expectedForUsers, Math.min(k, 4)));
    },
  );

  it.each([2, 3, 4])(
    'recommend the top k = %i users per item, best first, min(k, users) long',
    (k) => {
      const recommendations = recommendForAllItems(handModel(), k);
      expect(asMap(recommendations)).toEqual(truncated(expectedForItems, Math.min(k, 3)));
    },
  );

  it('breaks ties by the smaller id', () => {
    const model = {
      rank: 1,
      userIds: Int32Array.from([1]),
      userFactors: Float64Array.from([1]),
      itemIds: Int32Array.from([-5, 2, 8, 9]),
      itemFactors: Float64Array.from([3, 7, 3, 7]),
    };
    expect([...recommendForAllUsers(model, 3).recommendedIds]).toEqual([2, 9, -5]);
  });

  it('rejects a k below 1 or not whole', () => {
    expect(() => recommendForAllUsers(handModel(), 0)).toThrow(
      'the number of recommendations must be a whole number of at least 1, but is 0.',
    );
    expect(() => recommendForAllItems(handModel(), 1.5)).toThrow('but is 1.5');
  });
});
