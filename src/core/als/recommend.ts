import { RecflowError } from '../errors';
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

/** True when candidate a ranks below candidate b: a lower score, or the same and a larger id. */
function ranksBelow(scores: Float64Array, a: number, b: number): boolean {
  return scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
}

/**
 * Keeps the k best candidate rows in a binary min-heap (root = the worst kept), O(n log k),
 * then writes them out best first. Candidate rows ascend with their ids, so comparing rows
 * breaks ties by the smaller id.
 */
function selectTop(scores: Float64Array, k: number, heap: Int32Array): void {
  let size = 0;
  const swap = (i: number, j: number) => {
    const kept = heap[i];
    heap[i] = heap[j];
    heap[j] = kept;
  };
  const siftDown = (start: number) => {
    let parent = start;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && ranksBelow(scores, heap[right], heap[left]) ? right : left;
      if (!ranksBelow(scores, heap[child], heap[parent])) return;
      swap(parent, child);
      parent = child;
    }
  };

  for (let candidate = 0; candidate < scores.length; candidate++) {
    if (size < k) {
      let child = size++;
      heap[child] = candidate;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!ranksBelow(scores, heap[child], heap[parent])) break;
        swap(parent, child);
        child = parent;
      }
    } else if (ranksBelow(scores, heap[0], candidate)) {
      heap[0] = candidate;
      siftDown(0);
    }
  }

  // Pop the worst to the back until the heap is empty: the array ends sorted best first.
  for (let end = size - 1; end > 0; end--) {
    swap(0, end);
    size = end;
    siftDown(0);
  }
}

/**
 * scores[c] = x · y_c for every candidate row c, four candidates at a time: four independent
 * sums keep the multiply-adds from waiting on each other.
 */
function scoreCandidates(
  query: Float64Array,
  queryOffset: number,
  candidates: Float64Array,
  rank: number,
  scores: Float64Array,
): void {
  const count = scores.length;
  let c = 0;
  for (; c + 3 < count; c += 4) {
    const o0 = c * rank;
    const o1 = o0 + rank;
    const o2 = o1 + rank;
    const o3 = o2 + rank;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let a = 0; a < rank; a++) {
      const x = query[queryOffset + a];
      s0 += x * candidates[o0 + a];
      s1 += x * candidates[o1 + a];
      s2 += x * candidates[o2 + a];
      s3 += x * candidates[o3 + a];
    }
    scores[c] = s0;
    scores[c + 1] = s1;
    scores[c + 2] = s2;
    scores[c + 3] = s3;
  }
  for (; c < count; c++) {
    let score = 0;
    for (let a = 0; a < rank; a++) score += query[queryOffset + a] * candidates[c * rank + a];
    scores[c] = score;
  }
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
