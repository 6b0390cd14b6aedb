import { RecflowError } from '../errors';
import { scoreCandidates, selectTop } from './topK';
import type { AlsModel } from './types';

/**
 * Top-k recommendations for every user (or item), packed in flat arrays: row r is for
 * `ids[r]`, its recommendations are `recommendedIds[r·k .. (r+1)·k)` with `scores` alongside,
 * best first. `k` is the requested k capped at the number of candidates.
 */
export interface Recommendations {
  ids: Int32Array;
  recommendedIds: Int32Array;
  scores: Float64Array;
  k: number;
}

function recommend(
  rank: number,
  queryIds: Int32Array,
  queryFactors: Float64Array,
  candidateIds: Int32Array,
  candidateFactors: Float64Array,
  requestedK: number,
): Recommendations {
  if (!Number.isSafeInteger(requestedK) || requestedK < 1) {
    throw new RecflowError(
      `the number of recommendations must be a whole number of at least 1, but is ${requestedK}.`,
    );
  }

  const k = Math.min(requestedK, candidateIds.length);
  const recommendedIds = new Int32Array(queryIds.length * k);
  const recommendedScores = new Float64Array(queryIds.length * k);
  const scores = new Float64Array(candidateIds.length);
  const heap = new Int32Array(k);
  for (let q = 0; q < queryIds.length; q++) {
    scoreCandidates(queryFactors, q * rank, candidateFactors, rank, scores);
    selectTop(scores, k, heap);
    for (let j = 0; j < k; j++) {
      recommendedIds[q * k + j] = candidateIds[heap[j]];
      recommendedScores[q * k + j] = scores[heap[j]];
    }
  }
  return { ids: queryIds.slice(), recommendedIds, scores: recommendedScores, k };
}

/**
 * For every user of the model, the k items with the highest predicted rating, best first;
 * ties go to the smaller item id. Items the user rated are not excluded (as in Spark).
 */
export function recommendForAllUsers(model: AlsModel, k: number): Recommendations {
  const { rank, userIds, userFactors, itemIds, itemFactors } = model;
  return recommend(rank, userIds, userFactors, itemIds, itemFactors, k);
}

/** For every item of the model, the k users with the highest predicted rating, best first. */
export function recommendForAllItems(model: AlsModel, k: number): Recommendations {
  const { rank, userIds, userFactors, itemIds, itemFactors } = model;
  return recommend(rank, itemIds, itemFactors, userIds, userFactors, k);
}
