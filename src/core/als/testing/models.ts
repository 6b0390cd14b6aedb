import type { AlsModel } from '../types';

/** The hand-made rank-2 model of Spark's recommendation tests (shared/spec/ALS.md). */
export function handModel(): AlsModel {
  return {
    rank: 2,
    userIds: Int32Array.from([0, 1, 2]),
    userFactors: Float64Array.from([6, 4, 3, 4, 3, 6]),
    itemIds: Int32Array.from([3, 4, 5, 6]),
    itemFactors: Float64Array.from([5, 6, 6, 2, 3, 6, 4, 1]),
  };
}
