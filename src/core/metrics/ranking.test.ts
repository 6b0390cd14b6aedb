import { describe, expect, it } from 'vitest';
import { groupByKey } from './groups.ts';
import {
  averagePrecisionAtK,
  meanRankingMetric,
  ndcgAtK,
  precisionAtK,
  type RankedItems,
  recallAtK,
} from './ranking.ts';

/*
 * A tiny example, k = 3, worked out by hand.
 *
 * Held-out (relevant) pairs: user 1 → {10, 20, 30}; user 2 → {40}; user 3 → {50, 60}.
 * Recommendations by rank: user 1 → 10, 99, 30 (hits 1 0 1); user 2 → 41, 40, 42 (hits
 * 0 1 0); user 3 → none; user 4 → 10 (user 4 has nothing held out, so it does not count).
 *
 *              user 1                          user 2            user 3   mean of three
 * precision@3  2/3                             1/3               0        1/3
 * recall@3     2/3                             1/1               0        5/9
 * nDCG@3       (1 + 1/2) / (1 + 1/log2 3 + 1/2) (1/log2 3) / 1    0        0.4449492
 *              = 0.7039180                      = 0.6309298
 * MAP@3        (1/1 + 2/3) / 3 = 5/9            (1/2) / 1         0        19/54
 */
const recommended: RankedItems = {
  // User 1's rows come out of rank order on purpose: ranks, not rows, order a list.
  users: Int32Array.from([1, 1, 1, 2, 2, 2, 4]),
  items: Int32Array.from([30, 10, 99, 41, 40, 42, 10]),
  ranks: Float64Array.from([3, 1, 2, 1, 2, 3, 1]),
};
const heldOut = {
  users: Int32Array.from([1, 2, 1, 3, 1, 3, 1]),
  items: Int32Array.from([10, 40, 20, 50, 30, 60, 10]),
};

describe('ranking metrics of one list', () => {
  const hits = [1, 0, 1];

  it('count hits over k for precision and over the relevant items for recall', () => {
    expect(precisionAtK(hits, 3)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK([1], 3)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(hits, 4, 3)).toBeCloseTo(2 / 4, 12);
  });

  it('discount hits by log2 of their position for nDCG, ideal over min(k, relevant)', () => {
    expect(ndcgAtK(hits, 3, 3)).toBeCloseTo(1.5 / (1.5 + 1 / Math.log2(3)), 12);
    expect(ndcgAtK([0, 1], 1, 2)).toBeCloseTo(1 / Math.log2(3), 12);
    expect(ndcgAtK([1, 1], 5, 2)).toBeCloseTo(1, 12);
  });

  it('average the precision at each hit over min(k, relevant) for MAP', () => {
    expect(averagePrecisionAtK(hits, 3, 3)).toBeCloseTo(5 / 9, 12);
    expect(averagePrecisionAtK([0, 1, 0], 1, 3)).toBeCloseTo(1 / 2, 12);
    expect(averagePrecisionAtK([0, 0, 0], 2, 3)).toBe(0);
  });
});

describe('ranking metrics over users', () => {
  it('average over the users with held-out interactions, counting one without lists as 0', () => {
    const mean = (metric: Parameters<typeof meanRankingMetric>[0]) =>
      meanRankingMetric(metric, 3, recommended, heldOut);

    expect(mean('precision')).toEqual({ value: expect.closeTo(1 / 3, 12), users: 3 });
    expect(mean('recall').value).toBeCloseTo(5 / 9, 12);
    expect(mean('ndcg').value).toBeCloseTo(
      (1.5 / (1.5 + 1 / Math.log2(3)) + 1 / Math.log2(3)) / 3,
      12,
    );
    expect(mean('map').value).toBeCloseTo(19 / 54, 12);
  });

  it('count only the first k by rank', () => {
    // k = 1: user 1's best is 10 (a hit), user 2's is 41 (a miss).
    expect(meanRankingMetric('precision', 1, recommended, heldOut).value).toBeCloseTo(1 / 3, 12);
  });

  it('count an item recommended twice to a user once', () => {
    const twice: RankedItems = {
      users: Int32Array.from([2, 2]),
      items: Int32Array.from([40, 40]),
      ranks: Float64Array.from([1, 2]),
    };
    const onlyUser2 = { users: Int32Array.from([2]), items: Int32Array.from([40]) };
    expect(meanRankingMetric('precision', 2, twice, onlyUser2).value).toBeCloseTo(1 / 2, 12);
  });
});

describe('grouping by key', () => {
  it('lists each key’s values in row order, or sorted without duplicates', () => {
    const keys = Int32Array.from([5, -1, 5, 5, -1]);
    const values = Int32Array.from([9, 3, 1, 9, 2]);
    const inOrder = groupByKey(keys, values);
    expect([...inOrder.keys]).toEqual([-1, 5]);
    expect([...inOrder.starts]).toEqual([0, 2, 5]);
    expect([...inOrder.values]).toEqual([3, 2, 9, 1, 9]);

    const sorted = groupByKey(keys, values, { sortValues: true });
    expect([...sorted.starts]).toEqual([0, 2, 4]);
    expect([...sorted.values]).toEqual([2, 3, 1, 9]);
  });
});
